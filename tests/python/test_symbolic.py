"""The symbolic calls of spec section 7: diff, integrate, simplify, expand, parse, check,
steps, grad/jacobian/hessian, backprop, batch; and leibniz.Error."""
import pytest

import leibniz as lz

MODEL = """# the two-sigmoid network of the lecture notes
param w1 = 0.5
param w2 = -2
param b1 = -0.5
input x = 1.0
target y = 1
o1 = sigmoid(w1*x + b1)
o = x + w2*o1
yhat = sigmoid(o)
loss L = (yhat - y)^2
"""


def test_diff():
    assert str(lz.diff("x^3*y^2", "x", "y")) == "6*x^2*y"
    assert str(lz.diff("x^3*y^2", ["x", "y"])) == "6*x^2*y"
    x = lz.symbols("x")
    assert str(lz.diff(x**3, x, x)) == "6*x"
    assert str(lz.diff("d/dx x^3", "x")) == "6*x"


def test_integrate():
    assert str(lz.integrate("sec(x)^2", "x")) == "tan(x)"
    assert str(lz.integrate("x*e^x", "x")) == "x*e^x - e^x"
    assert lz.integrate("x", "x", 0, 1) == lz.Expr("1/2")
    assert str(lz.integrate("1/x^2", "x", 1, 2)) == "1/2"
    assert "id" not in lz.integrate("1/x^2", "x", 1, "inf")
    numeric = lz.integrate("exp(-x^2)", "x", 0, 1)
    assert numeric["method"] == "Gauss–Kronrod quadrature"
    assert numeric["value"] == pytest.approx(0.746824132812427)
    with pytest.raises(lz.Error) as failure:
        lz.integrate("exp(-x^2)", "x")
    assert failure.value.kind == "unsupported"


def test_simplify_expand():
    assert str(lz.simplify("(x+y)^2 - x^2")) == "2*x*y + y^2"
    assert str(lz.simplify("(x^2 - 1)/(x - 1)")) == "x + 1"
    assert str(lz.expand("(x+1)^2")) == "x^2 + 2*x + 1"


def test_parse():
    assert str(lz.parse(r"\frac{x^2}{y}", latex=True)) == "x^2/y"
    assert str(lz.parse(r"\frac{x^2}{y}")) == "x^2/y"
    assert str(lz.parse("2xy^3", latex=True)) == "2*x*y^3"
    assert str(lz.parse("2x", latex=False)) == "2*x"
    with pytest.raises(lz.Error) as failure:
        lz.parse(r"\frac{x}", latex=True)
    assert failure.value.kind == "parse"


def test_error_position_counts_characters():
    with pytest.raises(lz.Error) as failure:
        lz.simplify("α*β + )")
    assert failure.value.pos == 6
    assert str(failure.value).endswith("  α*β + )\n        ^")


def test_error_is_located():
    with pytest.raises(lz.Error) as failure:
        lz.diff("x^2+sin(x", "x")
    error = failure.value
    assert isinstance(error, ValueError)
    assert error.kind == "parse"
    assert error.pos == 9
    assert error.message == "expected ')' to close '(' opened at column 8"
    assert str(error) == (
        "parse error: expected ')' to close '(' opened at column 8\n"
        "  x^2+sin(x\n"
        "           ^"
    )


def test_check():
    result = lz.check("(x+1)^2 = x^2 + 2*x + 1")
    assert result.verdict == "holds" and result["verdict"] == "holds"
    assert result.first_broken is None
    broken = lz.check("(x+1)^2 = x^2 + 1 = x^2")
    assert broken.verdict == "fails"
    assert broken.first_broken == 0
    assert broken.links[0]["left"] == "(x+1)^2"
    x = lz.symbols("x")
    assert lz.check(["(x+1)^2", x**2 + 2 * x + 1]).verdict == "holds"
    derivative = lz.check("2*x*sin(y)", derivative_of="x^2*sin(y)", wrt="x")
    assert derivative.verdict == "holds"


def test_steps():
    derivation = lz.steps("x^2/y", "x")
    assert [s.rule_id for s in derivation] == ["quotient", "power", "constant"]
    first = derivation[0]
    assert first.before == lz.Expr("x^2/y") and first.after == lz.Expr("2*x/y")
    assert first.text == (
        "quotient rule: ∂/∂x (x²/y), u = x², v = y\n"
        "= (v·∂u/∂x − u·∂v/∂x)/v² = (y·(2x) − x²·0)/y² = 2x/y"
    )
    assert derivation[1].text == "power rule: ∂/∂x x² = 2x"
    assert derivation[1].latex == r"\text{power rule}: \frac{\partial}{\partial x} x^{2} = 2 x"
    assert derivation[2].depth == 1
    assert first.parts["u"] == "x^2"
    assert derivation.result == lz.Expr("2*x/y")
    assert derivation.text.startswith("quotient rule")
    assert "align" in derivation._repr_latex_()
    assert "quotient rule" in derivation._repr_html_()
    antiderivative = lz.steps("x*e^x", "x", op="integrate")
    assert antiderivative.result == lz.Expr("x*e^x - e^x")
    assert any(s.rule_id.startswith("parts") for s in antiderivative)


def test_grad_jacobian_hessian():
    assert [str(d) for d in lz.grad("x^2*y", "x", "y")] == ["2*x*y", "x^2"]
    assert [[str(d) for d in row] for row in lz.jacobian("x*y; x+y", "x", "y")] == [
        ["y", "x"],
        ["1", "1"],
    ]
    x, y = lz.symbols("x y")
    assert lz.jacobian([x * y, x + y], [x, y])[0][0] == y
    assert [[str(d) for d in row] for row in lz.hessian("x^2*y", "x", "y")] == [
        ["2*y", "2*x"],
        ["2*x", "0"],
    ]


def test_backprop_spec_example(tmp_path):
    answer = lz.backprop(MODEL, lr=0.1)
    assert answer["ok"] is True
    assert answer["values"] == {"o1": 0.5, "o": 0.0, "yhat": 0.5}
    assert answer["loss"] == 0.25
    assert answer["gradients"] == {"w1": 0.125, "b1": 0.125, "w2": -0.125, "x": -0.1875}
    assert answer["updated"] == {"w1": 0.4875, "b1": -0.5125, "w2": -1.9875}
    path = tmp_path / "model.txt"
    path.write_text(MODEL)
    assert lz.backprop(str(path), lr=0.1)["gradients"] == answer["gradients"]
    with pytest.raises(lz.Error) as failure:
        lz.backprop("param w = 1\n")
    assert failure.value.kind in ("request", "parse")


def test_gradcheck_agrees_on_the_spec_example_and_flags_a_wrong_override():
    answer = lz.gradcheck(MODEL)
    assert answer["agree"] is True
    assert set(answer["gradients"]) == {"w1", "b1", "w2", "x"}
    assert abs(answer["gradients"]["w1"]["backprop"] - 0.125) < 1e-12
    wrong = "def f(u) = u^2\nderiv f(u) = 3*u\nparam w = 2\nloss L = f(w)\n"
    assert lz.gradcheck(wrong)["agree"] is False
    with pytest.raises(lz.Error) as failure:
        lz.gradcheck(MODEL, tolerance="none")
    assert failure.value.kind == "request"


def test_notes_are_the_notes_request():
    notes = lz.notes()
    answer = lz.batch({"op": "notes"})
    answer.pop("id")
    assert notes == answer
    assert [n["id"] for n in notes["networks"]] == ["two_sigmoids", "three_neurons", "recurrent"]
    assert any(d.get("erratum") for d in notes["derivations"])


def test_batch():
    answers = lz.batch(
        [
            {"id": "d1", "op": "diff", "expr": "x^2*sin(y)", "wrt": ["x"]},
            {"id": "x9", "op": "diff", "expr": "sin(x", "wrt": ["x"]},
        ]
    )
    assert answers[0] == {
        "id": "d1",
        "ok": True,
        "result": "2*x*sin(y)",
        "latex": r"2 x \sin\left(y\right)",
    }
    assert answers[1]["ok"] is False
    assert answers[1]["error"]["kind"] == "parse"
    assert lz.batch({"op": "nonsense"})["error"]["kind"] == "request"
    assert lz.batch("{not json")["error"]["kind"] == "request"


def test_limit_error_for_a_too_deep_expression():
    with pytest.raises(lz.Error) as failure:
        lz.parse("(" * 5000 + "x" + ")" * 5000)
    assert failure.value.kind == "limit"


def test_time_limit():
    assert lz.time_limit() == 10.0
    lz.set_time_limit(0.2)
    try:
        with pytest.raises(lz.Error) as failure:
            lz.integrate("(x^2+x+1)^40*e^x*sin(x)", "x")
    finally:
        lz.set_time_limit(10.0)
    assert failure.value.kind == "limit"
    assert failure.value.message == "the computation took longer than the time limit of 0.2 s"
    assert lz.time_limit() == 10.0
    with pytest.raises(lz.Error) as failure:
        lz.set_time_limit(0)
    assert failure.value.kind == "request"
