// The lecture notes (seed/calculus-for-ai.md) as presets: every rule's examples, every
// row of the derivative and integral tables, the claims the notes write line by line,
// and the three networks. The answer key's corrections are marked `erratum`. The same
// examples, computed and compared with the answer key, are `leibniz tour`
// (leibniz/app/tour*.cpp); the networks are examples/*.lz.

// A derivative example: f, the variables in order.
const d = (label, expr, wrt, extra = {}) => ({ op: "diff", label, expr, wrt, ...extra });
const integral = (expr, notes, extra = {}) => ({
  op: "integrate",
  label: `∫ ${expr} dx`,
  expr,
  wrt: "x",
  notes,
  ...extra,
});
const row = (expr, notes, extra = {}) => ({
  op: "diff",
  label: `d/dx ${expr}`,
  expr,
  wrt: "x",
  notes,
  ...extra,
});

// The page opens on this: the notes' worked product-rule example, §4 (u = x² + y²,
// v = x²y + y²x).
export const OPENING = {
  op: "diff",
  expr: "(x^2 + y^2)*(x^2*y + y^2*x)",
  wrt: "x",
  syntax: "auto",
  steps: true,
};

export const CALCULUS_SECTIONS = [
  {
    title: "§1 Power rule",
    rule: "\\frac{\\partial}{\\partial x} x^n = n x^{n-1}",
    presets: [d("f = x³, ∂f/∂x", "x^3", "x"), d("g = y⁴, ∂g/∂y", "y^4", "y"),
      d("in general: x^n", "x^n", "x")],
  },
  {
    title: "§2 Constant multiple rule",
    rule: "\\frac{\\partial}{\\partial x}(c \\cdot g) = c \\cdot \\frac{\\partial g}{\\partial x}",
    presets: [d("f = 5x², ∂f/∂x", "5*x^2", "x"), d("g = 7y³, ∂g/∂y", "7*y^3", "y"),
      d("in general: c·g(x, y)", "c*g(x, y)", "x", { functions: ["g"] })],
  },
  {
    title: "§3 Sum rule",
    rule: "\\frac{\\partial}{\\partial x}(g + h) = \\frac{\\partial g}{\\partial x} + \\frac{\\partial h}{\\partial x}",
    presets: [d("f = x² + y², ∂f/∂x", "x^2 + y^2", "x"), d("g = 3x³ + 4y, ∂g/∂y", "3*x^3 + 4*y", "y"),
      d("in general: g + h", "g(x, y) + h(x, y)", "x", { functions: ["g", "h"] })],
  },
  {
    title: "§4 Product rule",
    rule: "\\frac{\\partial}{\\partial x}(g \\cdot h) = g \\cdot \\frac{\\partial h}{\\partial x} + h \\cdot \\frac{\\partial g}{\\partial x}",
    presets: [
      d("f = x²·y³, ∂f/∂x", "x^2*y^3", "x"),
      d("g = (3x)(4y²), ∂g/∂y", "(3*x)*(4*y^2)", "y"),
      d("u·v, u = x² + y², v = x²y + y²x: ∂f/∂x", "(x^2 + y^2)*(x^2*y + y^2*x)", "x",
        { erratum: "The notes expand 2x(x²y + y²x) to 2x³y + 2xy³; it is 2x³y + 2x²y². The answer key: ∂f/∂x = 4x³y + 3x²y² + 2xy³ + y⁴." }),
      d("u·v: ∂f/∂y", "(x^2 + y^2)*(x^2*y + y^2*x)", "y",
        { erratum: "Expanding (x² + y²)(x² + 2yx) the notes lose 2xy³ and invent 2yx². The answer key: ∂f/∂y = x⁴ + 2x³y + 3x²y² + 4xy³." }),
      d("in general: g·h", "g(x, y)*h(x, y)", "x", { functions: ["g", "h"] }),
    ],
  },
  {
    title: "§5 Quotient rule",
    rule: "\\frac{\\partial}{\\partial x}\\frac{g}{h} = \\frac{h \\cdot \\frac{\\partial g}{\\partial x} - g \\cdot \\frac{\\partial h}{\\partial x}}{h^2}",
    presets: [d("f = x²/y, ∂f/∂x", "x^2/y", "x"), d("g = y²/x, ∂g/∂y", "y^2/x", "y"),
      d("in general: g/h", "g(x, y)/h(x, y)", "x", { functions: ["g", "h"] })],
  },
  {
    title: "§6 Chain rule",
    rule: "\\frac{\\partial z}{\\partial x} = \\frac{\\partial z}{\\partial g} \\frac{\\partial g}{\\partial x} + \\frac{\\partial z}{\\partial h} \\frac{\\partial h}{\\partial x}",
    presets: [d("f = e^(x² + y²), ∂f/∂x", "e^(x^2 + y^2)", "x"),
      d("in general: z(g, h)", "z(g(x, y), h(x, y))", "x", { functions: ["z", "g", "h"] })],
  },
  {
    title: "The derivative table",
    rule: "\\frac{d}{dx}",
    presets: [
      row("n", "0"), row("x", "1"), row("x^n", "n x^{n-1}"), row("e^x", "e^x"),
      row("ln(x)", "\\frac{1}{x}"), row("n^x", "n^x \\ln n"), row("sin(x)", "\\cos x"),
      row("cos(x)", "-\\sin x"), row("tan(x)", "\\sec^2 x"), row("cot(x)", "-\\csc^2 x"),
      row("sec(x)", "\\sec x \\tan x"), row("csc(x)", "-\\csc x \\cot x"),
      row("asin(x)", "\\frac{1}{\\sqrt{1-x^2}}"), row("acos(x)", "-\\frac{1}{\\sqrt{1-x^2}}"),
      row("atan(x)", "\\frac{1}{1+x^2}"), row("acot(x)", "-\\frac{1}{1+x^2}"),
      row("asec(x)", "\\frac{1}{x\\sqrt{x^2-1}}",
        { erratum: "The notes' 1/(x√(x²−1)) holds for x > 1 only; with |x| it holds for x < −1 too." }),
      row("acsc(x)", "-\\frac{1}{x\\sqrt{x^2-1}}",
        { erratum: "The notes' −1/(x√(x²−1)) holds for x > 1 only; with |x| it holds for x < −1 too." }),
    ],
  },
  {
    title: "The integral table",
    rule: "\\int",
    presets: [
      integral("0", "C"), integral("1", "x + C"), integral("x^n", "\\frac{x^{n+1}}{n+1} + C"),
      integral("e^x", "e^x + C"),
      integral("1/x", "\\ln x + C",
        { erratum: "The notes' ln x holds for x > 0 only; ln|x| holds for x < 0 too." }),
      integral("n^x", "\\frac{n^x}{\\ln n} + C"), integral("cos(x)", "\\sin x + C"),
      integral("sin(x)", "-\\cos x + C"), integral("sec(x)^2", "\\tan x + C"),
      integral("csc(x)^2", "-\\cot x + C"), integral("tan(x)*sec(x)", "\\sec x + C"),
      integral("cot(x)*csc(x)", "-\\csc x + C"), integral("1/sqrt(1-x^2)", "\\arcsin x + C"),
      integral("-1/sqrt(1-x^2)", "\\arccos x + C"), integral("1/(1+x^2)", "\\arctan x + C"),
      integral("-1/(1+x^2)", "\\operatorname{arccot} x + C"),
      integral("1/(x*sqrt(x^2-1))", "\\operatorname{arcsec} x + C",
        { erratum: "The notes' arcsec x holds for x > 1 only; arcsec|x| holds for x < −1 too." }),
      integral("-1/(x*sqrt(x^2-1))", "\\operatorname{arccsc} x + C",
        { erratum: "The notes' arccsc x holds for x > 1 only; arccsc|x| holds for x < −1 too." }),
    ],
  },
];

// The notes' derivations, line by line, for the check view (LaTeX syntax: 2xy is 2·x·y).
export const CHECK_PRESETS = [
  {
    label: "§4 u·v, ∂f/∂x as the notes simplify it",
    lines: [
      "(x^2 + y^2)(2xy + y^2) + (x^2y + y^2x)(2x)",
      "(x^2 + y^2)(2xy + y^2) + 2x(x^2y + y^2x)",
      "2x^3y + x^2y^2 + 2xy^3 + y^4 + 2x^3y + 2xy^3",
      "4x^3y + x^2y^2 + 4xy^3 + y^4",
    ],
    derivative_of: "(x^2 + y^2)*(x^2*y + y^2*x)",
    wrt: "x",
    erratum: "2x(x²y + y²x) is 2x³y + 2x²y², not 2x³y + 2xy³.",
  },
  {
    label: "§4 u·v, ∂f/∂y as the notes simplify it",
    lines: [
      "(x^2 + y^2)(x^2 + 2yx) + (x^2y + y^2x)(2y)",
      "(x^2 + y^2)(x^2 + 2yx) + 2y(x^2y + y^2x)",
      "x^4 + 2x^3y + x^2y^2 + 2yx^2 + 2y^2x^2 + 2y^3x",
      "x^4 + 2x^3y + x^2y^2 + 2x^2y + 2x^2y^2 + 2y^3x",
      "x^4 + 2x^3y + 3x^2y^2 + 2yx^2 + 2y^3x",
    ],
    derivative_of: "(x^2 + y^2)*(x^2*y + y^2*x)",
    wrt: "y",
    erratum: "Expanding (x² + y²)(x² + 2yx) loses 2xy³ and invents 2yx².",
  },
  {
    label: "§5 quotient example: a chain of equalities",
    lines: ["\\frac{y \\cdot 2x - x^2 \\cdot 0}{y^2}", "\\frac{2xy}{y^2}", "\\frac{2x}{y}"],
    derivative_of: "",
    wrt: "",
  },
];

// The three networks of the notes' backpropagation half (spec §4 model files;
// examples/two_sigmoids.lz, three_neurons.lz, recurrent.lz).
export const NETWORKS = [
  {
    id: "two_sigmoids",
    label: "Backpropagation in neural networks: two sigmoids",
    lr: "0.1",
    model: `# the two-sigmoid network of the lecture notes
param w1 = 0.5
param w2 = -2
param b1 = -0.5
input x = 1.0
target y = 1
o1 = sigmoid(w1*x + b1)
o = x + w2*o1
yhat = sigmoid(o)
loss L = (yhat - y)^2
`,
  },
  {
    id: "three_neurons",
    label: "Backpropagation in ANN: neurons P1, P2, P3",
    lr: "0.1",
    erratum: "The notes' ψ'(t) ≈ ψ(t)(1 − ψ(t)) is an approximation (the deriv line): the true ψ'(t) = ln(3)·ψ(t)(1 − ψ(t)), so the answer key's ∂C/∂w11 = −6·ln 3, not −6. Tick “true derivatives” to see them.",
    model: `# the notes' network of three neurons P1, P2, P3
def psi(t) = 1/(1 + 3^(-t))
deriv psi(t) = psi(t)*(1 - psi(t))
param w11 = 1      # w_{P1 x1}
param w12 = 1      # w_{P1 x2}
param w21 = 2      # w_{P2 P1}
param w31 = 4      # w_{P3 P1}
param b1 = -1      # b_{P1}
param b2 = 0.5     # b_{P2}
param b3 = 0       # b_{P3}
input x1 = -1
input x2 = 3
target y1 = 3
target y2 = 8
t1 = w11*x1 + w12*x2 + b1
z1 = psi(t1)
z2 = (w21*z1 + b2)^2
z3 = (w31*z1 + b3)^2
loss C = 1/2*((z2 - y1)^2 + (z3 - y2)^2)
`,
  },
  {
    id: "recurrent",
    label: "Backpropagation in RNN: the recurrent cell, two steps",
    lr: "0.1",
    erratum: "The notes update h_{t−1} with 2(ŷ_t − y_t); the full ∂L/∂h_{t−1} = ∂L/∂o_t + ∂L/∂s_t also carries the terms through s_t and later steps (∂L/∂h₀ = −57/8 here).",
    model: `# the recurrent cell of the lecture notes, two time steps
const T = 2
param w = 0.5
input h[0] = 0
input x[1..T] = 1, 2
target y[1..T] = 1, 3
for t = 1..T
  s[t] = h[t-1] + x[t]
  o[t] = s[t]*w
  h[t] = o[t] + h[t-1]
end
loss L = sum((h[t] - y[t])^2 for t = 1..T)
`,
  },
];
