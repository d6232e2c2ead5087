"""The calls answered through the request table (app::answer, as batch mode and the
command line answer them): integrate with bounds, check, steps, backprop and batch."""
import json
import os
from fractions import Fraction

from leibniz import _leibniz
from leibniz._errors import Error
from leibniz._steps import CheckResult, Derivation, Step


def _text(value):
    """The text of an expression argument as a request carries it."""
    if isinstance(value, str):
        return value
    return str(_leibniz.Expr(value))


def _number(value):
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, (int, float)):
        return value
    return _text(value)


def batch(requests):
    """Answers a request of spec section 3 (a dict) as a dict, or a list of them as a
    list: exactly what `leibniz batch` answers to the same lines."""
    if isinstance(requests, (list, tuple)):
        return [batch(r) for r in requests]
    if isinstance(requests, str):
        line = requests
    else:
        line = json.dumps(requests)
    return json.loads(_leibniz._answer(line))


def _ok(request):
    """The answer to a request; Error when it failed."""
    answer = batch(request)
    if not answer.get("ok"):
        raise Error.from_answer(answer["error"], request.get("expr"))
    answer.pop("id", None)
    return answer


def integrate(expr, var, lower=None, upper=None, numeric=False):
    """An antiderivative (without + C) as an Expr, verified by differentiation. With
    bounds, the definite integral: its exact value as an Expr when the fundamental
    theorem gives one, otherwise the answer of spec section 3 (a dict with "value",
    "error_estimate", "converged", "method")."""
    if lower is None and upper is None and not numeric:
        return _leibniz._integrate(expr, var)
    if lower is None or upper is None:
        raise Error("request", "a definite integral needs both lower and upper")
    request = {
        "op": "integrate",
        "expr": _text(expr),
        "wrt": str(var),
        "from": _number(lower),
        "to": _number(upper),
        "numeric": numeric,
    }
    answer = _ok(request)
    if "result" in answer:
        return _leibniz.Expr(answer["result"])
    return answer


def evaluate(expr, values=None, **named):
    """The value in double precision: evaluate("x*y", x=2, y=3) == 6.0."""
    return _leibniz._evaluate(expr, {**(values or {}), **named})


def check(claim, derivative_of=None, wrt=None, latex=False):
    """Whether each equality of "A = B = C" holds (spec section 3's check): the answer
    with .verdict ("holds", "fails", "unknown"), .first_broken and .links."""
    if isinstance(claim, (list, tuple)):
        claims = [_text(c) for c in claim]
    else:
        claims = _text(claim)
    request = {"op": "check", "expr": claims}
    if derivative_of is not None:
        request["derivative_of"] = _text(derivative_of)
        request["wrt"] = [wrt] if isinstance(wrt, str) else list(wrt or [])
    if latex:
        request["syntax"] = "latex"
    return CheckResult(_ok(request))


def steps(expr, var, op="diff"):
    """The derivation of the derivative (op="diff") or antiderivative (op="integrate")
    of expr by var, rule by rule: a Derivation, a list of Step. Which ops have steps is
    the request table's to say: another op raises the Error batch mode answers."""
    wrt = str(var) if op == "integrate" else [str(var)]
    request = {"op": op, "expr": _text(expr), "wrt": wrt, "steps": True}
    answer, text, latex = _leibniz._rendered(json.dumps(request))
    answer = json.loads(answer)
    data = answer["steps"]
    text_lines = _step_lines(text.splitlines(), len(data), _text_depth)
    if text_lines is None:
        text_lines = [f"{s['before']} = {s['after']}  ({s['rule']})" for s in data]
    latex_lines = _step_lines(
        [t for t in latex.splitlines() if "{align*}" not in t], len(data), _latex_depth
    )
    if latex_lines is None:
        latex_lines = [f"{s['latex']['before']} = {s['latex']['after']}" for s in data]
    return Derivation(
        [Step(s, t, l) for s, t, l in zip(data, text_lines, latex_lines)],
        text,
        latex,
        _leibniz.Expr(answer["result"]),
    )


def _text_depth(line):
    body = line.lstrip(" ")
    return (len(line) - len(body)) // 2, body


def _latex_depth(line):
    body = line.strip().removeprefix("&").strip().removesuffix("\\\\").strip()
    depth = 0
    while body.startswith("\\quad"):
        body = body.removeprefix("\\quad").strip()
        depth += 1
    return depth, body


def _step_lines(lines, count, depth_of):
    """The printed derivation split into one entry per step: a step's line, with the
    closing "= ..." lines of its sub-derivation (one level deeper). None when the lines do
    not match the steps one to one."""
    entries, depths = [], []
    for line in lines:
        if not line.strip():
            continue
        depth, body = depth_of(line)
        if body.startswith("="):
            owner = next((i for i in reversed(range(len(entries))) if depths[i] == depth - 1), None)
            if owner is None:
                return None
            entries[owner] += "\n" + body
        else:
            entries.append(body)
            depths.append(depth)
    return entries if len(entries) == count else None


def backprop(model, lr=None, data=None, **options):
    """Values, loss, gradients (and with lr the updated parameters) of a model (spec
    section 4): the model's text, or the path of a model file; data is CSV text or the
    path of a CSV file. More request fields (epochs, explain, ...) pass as keywords."""
    model_text = _read_if_path(model)
    request = {"op": "backprop", "model": model_text, **options}
    if lr is not None:
        request["lr"] = _number(lr)
    if data is not None:
        request["data"] = _read_if_path(data)
    return _answer_of(request)


def gradcheck(model, tolerance=None, **options):
    """Backpropagation's gradients against central finite differences, parameter by
    parameter (spec section 3, "gradcheck"): the model's text or the path of a model file.
    The answer's "agree" is False when one relative error is over the tolerance (1e-6)."""
    request = {"op": "gradcheck", "model": _read_if_path(model), **options}
    if tolerance is not None:
        request["tolerance"] = _number(tolerance)
    return _answer_of(request)


def notes():
    """The lecture notes leibniz was made from, as data: the rules with their examples, the
    tables, the derivations (with their errata) and the three networks (`leibniz notes`)."""
    return _answer_of({"op": "notes"})


def _answer_of(request):
    answer = batch(request)
    if not answer.get("ok"):
        raise Error.from_answer(answer["error"])
    answer.pop("id", None)
    return answer


def _read_if_path(text):
    if isinstance(text, os.PathLike) or ("\n" not in text and os.path.isfile(text)):
        with open(text, encoding="utf-8") as f:
            return f.read()
    return text
