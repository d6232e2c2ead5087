#!/usr/bin/env python3
"""Transcribes integration problems of Rubi's test-suite (Mathematica syntax, one problem
a list `{integrand, variable, steps, optimal antiderivative, alternatives...}`) into the
corpus format of bench/integrate/corpus_lib.py.

  PYTHONPATH=build/python /usr/bin/python3 bench/integrate/from_mathematica.py \\
      --out FILE [--role TEXT] RAW.m [RAW.m ...]

The raw files are those of github.com/RuleBasedIntegration/MathematicaSyntaxTestSuite,
folder "0 Independent test suites", copied verbatim (NAME Problems.m).

One family per raw file ("independent: NAME", NAME from "NAME Problems.m"), and a second
one, "independent: NAME (special functions)", for the problems whose optimal
antiderivative uses special functions (EllipticF, PolyLog, Erf, ExpIntegralEi, ...) or
that Rubi leaves unintegrated (CannotIntegrate, Int): those are marked `!` because of
the reference, not because a theorem says so. The integration variable is renamed x;
parameters that leibniz or SymPy reserve (e, E, I, ...) get a free letter; inverse
hyperbolic functions keep leibniz's names (asinh ... acsch). Every reference is
differentiated back (corpus_lib.derivative_agrees); the first of the optimal and the
alternative antiderivatives that agrees is kept, and a problem with none keeps no
reference. Integrands and references must also parse in leibniz (the Python module of
build/python); what cannot be transcribed is listed in a comment with the reason.
Problems the raw file has commented out are skipped (counted in the header).
Run with Debian's /usr/bin/python3 (SymPy).
"""
import argparse
import os
import re
import shlex
import sys

import sympy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

import corpus_lib  # noqa: E402

# Mathematica heads that leibniz has, with leibniz's name.
FUNCTIONS = {"Sqrt": "sqrt", "Exp": "exp", "Abs": "abs", "Erf": "erf",
             "Sin": "sin", "Cos": "cos", "Tan": "tan", "Cot": "cot", "Sec": "sec", "Csc": "csc",
             "ArcSin": "asin", "ArcCos": "acos", "ArcTan": "atan", "ArcCot": "acot",
             "ArcSec": "asec", "ArcCsc": "acsc",
             "Sinh": "sinh", "Cosh": "cosh", "Tanh": "tanh", "Coth": "coth", "Sech": "sech",
             "Csch": "csch", "ArcSinh": "asinh", "ArcCosh": "acosh", "ArcTanh": "atanh",
             "ArcCoth": "acoth", "ArcSech": "asech", "ArcCsch": "acsch"}
# Heads of references that are not elementary functions.
SPECIAL = {"EllipticF", "EllipticE", "EllipticPi", "EllipticK", "Hypergeometric2F1",
           "Hypergeometric1F1", "HypergeometricPFQ", "AppellF1", "PolyLog", "Erf", "Erfc",
           "Erfi", "ExpIntegralEi", "ExpIntegralE", "LogIntegral", "SinIntegral",
           "CosIntegral", "SinhIntegral", "CoshIntegral", "Gamma", "FresnelS", "FresnelC",
           "ProductLog", "Zeta", "LerchPhi", "BesselJ", "BesselY", "BesselI", "BesselK",
           "Li", "Beta", "PolyGamma", "InverseJacobiSN", "JacobiSN", "RootSum"}
UNINTEGRATED = {"Int", "Integrate", "CannotIntegrate", "Unintegrable"}
CONSTANTS = {"E": "e", "Pi": "pi"}
# Names a parameter may not keep: leibniz's constants and functions, SymPy's names.
RESERVED = {"e", "pi", "x", "log", "ln", "exp", "sqrt", "abs", "erf", "sign", "sigmoid",
            "relu", "softplus", "heaviside", "max", "min", "inf", "nan"} | set(FUNCTIONS.values())
FREE_LETTERS = "abcdfghjkmnpqrstuvwyz"


class Unconvertible(Exception):
    """A construct with no counterpart in leibniz's syntax (the message says which)."""


# ---- Mathematica's syntax: tokens and a precedence parser into tuples ----

TOKEN = re.compile(r"\s*(?:(?P<num>\d+\.?\d*(?:\*\^-?\d+)?|\.\d+)|(?P<name>[A-Za-z$][A-Za-z0-9$]*)"
                   r"|(?P<op>->|==|!=|<=|>=|&&|\|\||[-+*/^()\[\]{},<>!]))")


def tokens(text):
    out, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise Unconvertible(f"unknown character {text[pos:].strip()[:1]!r}")
        pos = m.end()
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
    return out


class Parser:
    """Numbers ("num", text), symbols ("sym", name), calls ("call", head, args), lists
    ("list", items), ("neg", a) and binary (op, a, b) for + - * / ^ and comparisons."""

    def __init__(self, text):
        self.toks, self.i = tokens(text), 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, value=None):
        kind, text = self.peek()
        if kind is None or (value is not None and text != value):
            raise Unconvertible(f"expected {value or 'more'} at token {self.i}")
        self.i += 1
        return kind, text

    def parse(self):
        node = self.rule()
        if self.i != len(self.toks):
            raise Unconvertible(f"unexpected {self.peek()[1]!r}")
        return node

    # Binary operators by precedence, lowest first; products and powers below them.
    LEVELS = (("->",), ("&&", "||"), ("==", "!=", "<", ">", "<=", ">="), ("+", "-"))

    def rule(self, level=0):
        if level == len(self.LEVELS):
            return self.product()
        node = self.rule(level + 1)
        while self.peek()[1] in self.LEVELS[level]:
            op = self.take()[1]
            node = (op, node, self.rule(level + 1))
        return node

    def starts_factor(self):
        kind, text = self.peek()
        return kind in ("num", "name") or text in ("(", "{")

    def product(self):
        node = self.unary()
        while True:
            if self.peek()[1] in ("*", "/"):
                op = self.take()[1]
                node = (op, node, self.unary())
            elif self.starts_factor():  # juxtaposition: a b, 2 x
                node = ("*", node, self.unary())
            else:
                return node

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return ("neg", self.unary())
        if self.peek()[1] == "+":
            self.take()
            return self.unary()
        return self.power()

    def power(self):
        base = self.postfix()
        if self.peek()[1] == "^":
            self.take()
            return ("^", base, self.unary_power())
        return base

    def unary_power(self):  # the exponent: a^-b, a^b^c (right associative)
        if self.peek()[1] == "-":
            self.take()
            return ("neg", self.unary_power())
        return self.power()

    def postfix(self):
        node = self.primary()
        while self.peek()[1] == "[":
            self.take()
            args = self.items("]")
            if node[0] != "sym":
                raise Unconvertible("a call of a non-symbol head")
            node = ("call", node[1], args)
        if self.peek()[1] == "!":
            raise Unconvertible("factorial")
        return node

    def items(self, close):
        args = []
        if self.peek()[1] != close:
            args.append(self.rule())
            while self.peek()[1] == ",":
                self.take()
                args.append(self.rule())
        self.take(close)
        return args

    def primary(self):
        kind, text = self.take()
        if kind == "num":
            return ("num", text.replace("*^", "e"))
        if kind == "name":
            return ("sym", text)
        if text == "(":
            node = self.rule()
            self.take(")")
            return node
        if text == "{":
            return ("list", self.items("}"))
        raise Unconvertible(f"unexpected {text!r}")


def nodes(node):
    """node and every node under it."""
    yield node
    if node[0] in ("num", "sym"):
        return
    children = node[2] if node[0] == "call" else node[1] if node[0] == "list" else node[1:]
    for child in children:
        yield from nodes(child)


def heads(node):
    return {n[1] for n in nodes(node) if n[0] == "call"}


def symbols(node):
    return {n[1] for n in nodes(node) if n[0] == "sym"}


# ---- leibniz's syntax ----

PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 2.5, "^": 4}


def text_of(node, names):
    """node in leibniz's syntax, `names` renaming symbols."""
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "sym":
        name = node[1]
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name == "I":
            raise Unconvertible("the imaginary unit I")
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", name):
            raise Unconvertible(f"the symbol {name}")
        return names.get(name, name)
    if kind == "call":
        head, args = node[1], node[2]
        if head == "Log" and len(args) == 2:  # Log[b, z]
            return f"ln({text_of(args[1], names)})/ln({text_of(args[0], names)})"
        if head == "Log" and len(args) == 1:
            return f"ln({text_of(args[0], names)})"
        if head in FUNCTIONS and len(args) == 1:
            return f"{FUNCTIONS[head]}({text_of(args[0], names)})"
        raise Unconvertible(f"{head} with {len(args)} argument(s)")
    if kind == "neg":
        inner = node[1]  # -(1/3)*x rather than -1/3*x
        return "-" + (f"({text_of(inner, names)})" if inner[0] == "/" else wrap(inner, 2, names))
    if kind in ("+", "-"):
        left = wrap(node[1], 1, names)
        right = node[2]
        if kind == "+" and right[0] == "neg":
            return f"{left} - {wrap(right[1], 1.5, names)}"
        return f"{left} {kind} {wrap(right, 1 if kind == '+' else 1.5, names)}"
    if kind in ("*", "/"):
        left = node[1]
        # (1/3)*x rather than 1/3*x: the same value, read without a rule of precedence
        left_text = f"({text_of(left, names)})" if kind == "*" and left[0] == "/" else wrap(left, 2, names)
        return f"{left_text}{kind}{wrap(node[2], 2.75, names)}"
    if kind == "^":
        base = wrap(node[1], 5, names)
        exponent = node[2]
        simple = exponent[0] in ("num", "sym", "call") and "." not in exponent[1]
        return f"{base}^{text_of(exponent, names) if simple else '(' + text_of(exponent, names) + ')'}"
    raise Unconvertible(f"the operator {kind}")


def wrap(node, least, names):
    """node's text, in parentheses when it binds less tightly than `least`."""
    prec = PREC.get(node[0], 5)
    text = text_of(node, names)
    return text if prec >= least else f"({text})"


# ---- the raw files ----

def comment_end(text, pos):
    """The index just after the comment that opens at pos (comments nest)."""
    depth = 0
    while pos < len(text):
        if text.startswith("(*", pos):
            depth, pos = depth + 1, pos + 2
        elif text.startswith("*)", pos):
            depth, pos = depth - 1, pos + 2
            if depth == 0:
                break
        else:
            pos += 1
    return pos


def split_file(text):
    """The title, the problems (in order, each with the section it is in) and how many
    problems the file has commented out, from a Rubi test file."""
    title, section, pending, problems, commented, pos = "", "", None, [], 0, 0
    while pos < len(text):
        if text.startswith("(*", pos):  # a cell style (:: Section ::), a title or a note
            end = comment_end(text, pos)
            body, pos = text[pos + 2:end - 2].strip(), end
            if body.startswith("::"):
                pending = body.strip(":").split("::")[0].strip()
                continue
            if pending == "Title":
                title = title or body
            elif pending in ("Section", "Subsection", "Subsubsection"):
                chapter = section.split(": ")[0] if pending != "Section" and section else ""
                section = f"{chapter}: {body}" if chapter else body
            elif body.startswith("{"):
                commented += 1
            pending = None
        elif text[pos] == "{":  # a problem, to its matching brace
            depth, j = 0, pos
            while j < len(text):
                if text.startswith("(*", j):
                    j = comment_end(text, j)
                    continue
                depth += (text[j] in "{[(") - (text[j] in "}])")
                if depth == 0:
                    break
                j += 1
            problems.append((section, re.sub(r"\(\*.*?\*\)", " ", text[pos:j + 1], flags=re.S)))
            pos = j + 1
        else:
            pos += 1
    return title, problems, commented


def candidates(nodes):
    """The antiderivatives a problem lists, If[cond, a, b] opened into a and b."""
    out = []
    for node in nodes:
        if node[0] == "call" and node[1] == "If" and len(node[2]) == 3:
            out += candidates(node[2][1:])
        else:
            out.append(node)
    return out


def renaming(variable, all_symbols):
    """Symbol renames: the variable to x, reserved parameter names (and x, when it is a
    parameter) to free letters."""
    used = set(all_symbols)
    names = {}
    if variable != "x":
        names[variable] = "x"
    free = (c for c in FREE_LETTERS if c not in used)
    for s in sorted(all_symbols):
        if s == variable or s in CONSTANTS or s == "I" or s.startswith("$"):
            continue
        if s == "x" or s in RESERVED or hasattr(sympy, s):
            letter = next(free, None)
            if letter is None:
                raise Unconvertible("no free letter to rename a parameter")
            names[s] = letter
            used.add(letter)
    return names


class Leibniz:
    """leibniz's parser (the Python module), to check that every line will be read."""

    def __init__(self):
        sys.path.insert(0, os.environ.get("LEIBNIZ_PYTHON", os.path.join(ROOT, "build", "python")))
        import leibniz
        self.module = leibniz

    def reads(self, text):
        try:
            self.module.parse(text)
            return True
        except self.module.Error:
            return False


def agrees(integrand_text, reference_text):
    try:
        return corpus_lib.derivative_agrees(corpus_lib.to_sympy(integrand_text),
                                            corpus_lib.to_sympy(reference_text)) is True
    except Exception:  # SymPy cannot read or evaluate it: not verified
        return False


def convert_problem(raw, leibniz):
    """(integrand text, reference text or None, kind, note): kind "elementary" or
    "special"; note says why a reference was lost. Raises Unconvertible."""
    items = Parser(raw).parse()
    if items[0] != "list" or len(items[1]) < 4:
        raise Unconvertible("not a problem list {integrand, x, steps, antiderivative}")
    integrand, variable, *rest = items[1]
    if variable[0] != "sym":
        raise Unconvertible("the variable is not a symbol")
    answers = candidates(rest[1:])
    everything = set().union(symbols(integrand), *(symbols(a) for a in answers))
    names = renaming(variable[1], everything)
    integrand_text = text_of(integrand, names)
    if not leibniz.reads(integrand_text):
        raise Unconvertible(f"leibniz cannot parse {integrand_text}")
    reasons = []
    for answer in answers:
        hs = heads(answer)
        if hs & (SPECIAL | UNINTEGRATED):
            reasons.append("special")
            continue
        try:
            text = text_of(answer, names)
        except Unconvertible as e:
            reasons.append(str(e))
            continue
        if not leibniz.reads(text):
            reasons.append("leibniz cannot parse the reference")
        elif agrees(integrand_text, text):
            return integrand_text, text, "elementary", None
        else:
            reasons.append("does not differentiate back")
    optimal = heads(answers[0]) if answers else set()
    if optimal & (SPECIAL | UNINTEGRATED):
        which = sorted(optimal & (SPECIAL | UNINTEGRATED))
        return integrand_text, None, "special", ", ".join(which)
    return integrand_text, None, "elementary", "; ".join(dict.fromkeys(reasons)) or "no antiderivative"


def convert_file(path, leibniz, log):
    """The corpus lines of one raw file, and counts."""
    name = os.path.basename(path).replace(" Problems.m", "").replace(".m", "")
    title, problems, commented = split_file(open(path, encoding="utf-8").read())
    elementary, special, failed = [], [], []
    counts = {"problems": len(problems), "commented": commented, "references": 0,
              "dropped": 0, "special": 0, "unconverted": 0}
    for section, raw in problems:
        flat = " ".join(raw.split())
        try:
            integrand, reference, kind, note = convert_problem(flat, leibniz)
        except (Unconvertible, RecursionError) as e:
            failed.append(f"#   {flat}   [{e}]")
            counts["unconverted"] += 1
            continue
        if kind == "special":
            special.append(f"! {integrand}")
            counts["special"] += 1
            continue
        if reference:
            counts["references"] += 1
            elementary.append((section, f"{integrand} ; {reference}"))
        else:
            counts["dropped"] += 1
            log.write(f"{name}: no verified reference ({note}): {flat}\n")
            elementary.append((section, integrand))
    source = f"{title}, via Rubi's integration test-suite (rulebasedintegration.org, \"Independent test suites\")"
    lines = [f"# family: independent: {name}", f"# source: {source}"]
    last = None
    for section, line in elementary:
        if section and section != last:
            lines.append(f"# {section}")
            last = section
        lines.append(line)
    if special:
        lines += ["", f"# family: independent: {name} (special functions)",
                  f"# source: {source}; marked ! because the optimal antiderivative uses special "
                  "functions or Rubi leaves the integral unevaluated, not by a theorem"] + special
    if failed:
        lines += ["", f"# {name}: {len(failed)} problem(s) not transcribed (Mathematica text, reason):"] + failed
    return lines, counts


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("raw", nargs="+", help="Rubi test files (NAME Problems.m)")
    p.add_argument("--out", required=True)
    p.add_argument("--role", default="", help="a comment line on what the file is for")
    args = p.parse_args()
    leibniz = Leibniz()
    body, totals = [], {}
    for path in args.raw:
        lines, counts = convert_file(path, leibniz, sys.stderr)
        body += lines + [""]
        for k, v in counts.items():
            totals[k] = totals.get(k, 0) + v
        print(f"{os.path.basename(path)}: {counts}", file=sys.stderr)
    command = " ".join(shlex.quote(a) for a in
                       ["PYTHONPATH=build/python", "/usr/bin/python3", "bench/integrate/from_mathematica.py"]
                       + sys.argv[1:])
    header = ["# Problems and optimal antiderivatives of Rubi's integration test-suite, \"Independent test",
              "# suites\" (github.com/RuleBasedIntegration/MathematicaSyntaxTestSuite, folder \"0 Independent",
              "# test suites\", the files NAME Problems.m copied verbatim), transcribed into leibniz's syntax",
              "# by bench/integrate/from_mathematica.py (its docstring has the rules; format:",
              "# bench/integrate/corpus_lib.py). Every reference differentiates back. Regenerate with:",
              f"#   {command}"]
    if args.role:
        header.append(f"# {args.role}")
    header.append(f"# {totals['problems']} problems ({totals['commented']} commented out in the raw "
                  f"files were skipped): {totals['references']} with a verified reference, "
                  f"{totals['dropped']} elementary without one (reference not transcribable or not "
                  f"verified), {totals['special']} with special functions (!), "
                  f"{totals['unconverted']} not transcribed.")
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\n".join(header + [""] + body).rstrip("\n") + "\n")
    print(f"wrote {args.out}: {totals}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
