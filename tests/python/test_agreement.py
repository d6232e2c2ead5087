"""One request, one answer: the Python calls agree with lz.batch and with the command
line (`leibniz batch` and the subcommands) on the same requests."""
import json
import subprocess

import pytest

import leibniz as lz

REQUESTS = [
    {"id": "d1", "op": "diff", "expr": "x^2*sin(y)", "wrt": ["x"]},
    {"id": "d2", "op": "diff", "expr": "x^3*y^2", "wrt": ["x", "y"]},
    {"id": "i1", "op": "integrate", "expr": "sec(x)^2", "wrt": "x"},
    {"id": "i2", "op": "integrate", "expr": "x*ln(x)", "wrt": "x"},
    {"id": "s1", "op": "simplify", "expr": "(x+y)^2 - x^2"},
    {"id": "x1", "op": "expand", "expr": "(a+b)^3"},
    {"id": "e1", "op": "eval", "expr": "sigmoid(w1*x+b1)", "at": {"w1": 0.5, "x": 1, "b1": -0.5}},
    {"id": "l1", "op": "diff", "expr": "\\frac{x^2}{y}", "wrt": ["x"], "syntax": "latex"},
    {"id": "c1", "op": "check", "expr": "(x+1)^2 = x^2 + 1"},
    {"id": "g1", "op": "grad", "expr": "x^2*y", "wrt": ["x", "y"]},
    {"id": "h1", "op": "hessian", "expr": "x^2*y", "wrt": ["x", "y"]},
    {"id": "j1", "op": "jacobian", "expr": "x*y; x+y", "wrt": ["x", "y"]},
    {"id": "bad", "op": "diff", "expr": "x^2+sin(x", "wrt": ["x"]},
]


def cli_batch(cli, requests):
    lines = "".join(json.dumps(r) + "\n" for r in requests)
    run = subprocess.run([cli, "batch"], input=lines, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in run.stdout.splitlines()]


def python_call(request):
    """The same request through the module's own calls, as the batch answer would show it."""
    op, expr = request["op"], request["expr"]
    latex = request.get("syntax") == "latex"
    if latex:
        expr = lz.parse(expr, latex=True)
    if op == "diff":
        return str(lz.diff(expr, *request["wrt"]))
    if op == "integrate":
        return str(lz.integrate(expr, request["wrt"]))
    if op == "simplify":
        return str(lz.simplify(expr))
    if op == "expand":
        return str(lz.expand(expr))
    if op == "eval":
        return lz.evaluate(expr, request["at"])
    if op == "check":
        return lz.check(expr).verdict
    if op == "grad":
        return [str(d) for d in lz.grad(expr, *request["wrt"])]
    if op in ("hessian", "jacobian"):
        call = lz.hessian if op == "hessian" else lz.jacobian
        return [[str(d) for d in row] for row in call(expr, *request["wrt"])]
    raise AssertionError(op)


def batch_field(answer):
    if answer["op"] == "eval":
        return answer["value"]
    if answer["op"] == "check":
        return answer["verdict"]
    return answer["result"]


def test_batch_is_the_command_lines_batch(cli):
    assert lz.batch(REQUESTS) == cli_batch(cli, REQUESTS)


@pytest.mark.parametrize("request_", [r for r in REQUESTS if r["id"] != "bad"], ids=lambda r: r["id"])
def test_calls_agree_with_batch(request_):
    answer = lz.batch(request_)
    assert answer["ok"] is True
    assert python_call(request_) == batch_field({**answer, "op": request_["op"]})


def test_errors_agree_with_batch():
    answer = lz.batch(REQUESTS[-1])
    with pytest.raises(lz.Error) as failure:
        lz.diff(REQUESTS[-1]["expr"], "x")
    assert {"kind": failure.value.kind, "message": failure.value.message,
            "pos": failure.value.pos} == answer["error"]


@pytest.mark.parametrize(
    "argv, call",
    [
        (["diff", "x^2*sin(y)", "x"], lambda: lz.diff("x^2*sin(y)", "x")),
        (["integrate", "sec(x)^2", "x"], lambda: lz.integrate("sec(x)^2", "x")),
        (["simplify", "(x+y)^2 - x^2"], lambda: lz.simplify("(x+y)^2 - x^2")),
    ],
)
def test_calls_agree_with_the_command_line(cli, argv, call):
    run = subprocess.run([cli, *argv], capture_output=True, text=True, check=True)
    assert run.stdout == str(call()) + "\n"


@pytest.mark.parametrize("op", ["simplify", "expand", "no-such-op"])
def test_steps_errors_agree_with_batch(cli, op):
    # Which ops have steps is the request table's to say: lz.steps of another op fails
    # with the kind and message batch mode answers to the same request.
    request = {"op": op, "expr": "x^2", "wrt": ["x"], "steps": True}
    [answer] = cli_batch(cli, [request])
    assert answer["ok"] is False
    with pytest.raises(lz.Error) as failure:
        lz.steps("x^2", "x", op=op)
    assert {"kind": failure.value.kind, "message": failure.value.message,
            "pos": failure.value.pos} == answer["error"]
