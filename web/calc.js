// The calculus view: a formula, an operation (derivative, integral, simplify, expand,
// gradient, Hessian), the answer as math and text, the steps, and a live preview of how
// leibniz reads the formula, with a parse error's caret in place.

import { ask, debounce } from "./api.js";
import { caretView, characterAt, clear, copyText, el, errorText, renderMath } from "./math.js";
import { derivationText, foldAll, renderDerivation, renderSteps } from "./steps.js";

const $ = (id) => document.getElementById(id);

const names = (text) => text.split(/[\s,;]+/).filter((n) => n.length > 0);

// Which fields an operation uses.
const USES = {
  diff: { wrt: "list", steps: true },
  integrate: { wrt: "one", steps: true, bounds: true },
  simplify: {},
  expand: {},
  grad: { wrt: "list" },
  hessian: { wrt: "list" },
};

/// The form's state: what the URL keeps.
export function readCalc() {
  return {
    op: $("op").value,
    expr: $("formula").value,
    syntax: $("syntax").value,
    wrt: $("wrt").value,
    from: $("from").value,
    to: $("to").value,
    functions: $("functions").value,
    steps: $("steps").checked,
  };
}

export function writeCalc(state) {
  if (state.op in USES) $("op").value = state.op;
  $("formula").value = state.expr ?? "";
  $("syntax").value = ["auto", "text", "latex"].includes(state.syntax) ? state.syntax : "auto";
  $("wrt").value = Array.isArray(state.wrt) ? state.wrt.join(" ") : (state.wrt ?? "");
  $("from").value = state.from ?? "";
  $("to").value = state.to ?? "";
  $("functions").value = Array.isArray(state.functions)
    ? state.functions.join(" ")
    : (state.functions ?? "");
  $("steps").checked = state.steps !== false;
  showFields();
}

// The request object of spec §3 for the form.
function request(state) {
  const uses = USES[state.op];
  const req = { op: state.op, expr: state.expr, syntax: state.syntax };
  const functions = names(state.functions);
  if (functions.length > 0) req.functions = functions;
  // integrate takes one variable: a longer list is sent as it is, for the server to refuse.
  if (uses.wrt) req.wrt = names(state.wrt);
  const definite = uses.bounds && (state.from.trim() !== "" || state.to.trim() !== "");
  if (definite) {
    if (state.from.trim() !== "") req.from = state.from.trim();
    if (state.to.trim() !== "") req.to = state.to.trim();
  }
  if (uses.steps && state.steps && !definite) req.steps = true;
  return req;
}

function showFields() {
  const uses = USES[$("op").value];
  $("wrt-field").hidden = !uses.wrt;
  $("wrt-label").textContent = uses.wrt === "one" ? "Variable" : "With respect to";
  $("wrt-hint").textContent = uses.wrt === "one"
    ? "the variable of integration"
    : $("op").value === "diff"
      ? "variables in order: x x y is ∂³/∂y∂x²"
      : "the variables, in order";
  for (const id of ["from-field", "to-field", "bounds-hint"]) $(id).hidden = !uses.bounds;
  $("steps-field").hidden = !uses.steps;
}

// ---- the answer -------------------------------------------------------------------

// Names as LaTeX in the answer's heading: x, x1 -> x_{1}; anything else as \text.
function nameLatex(name) {
  const m = /^([A-Za-z])_?([0-9]+)$/.exec(name);
  if (m) return `${m[1]}_{${m[2]}}`;
  if (/^[A-Za-z]$/.test(name)) return name;
  return `\\mathrm{${name.replace(/[^A-Za-z0-9]/g, "")}}`;
}

// ∂ⁿf/∂y∂x² for the variables in the order applied.
function derivativeLatex(wrt) {
  const groups = [];
  for (const v of wrt) {
    if (groups.length > 0 && groups[groups.length - 1].v === v) groups[groups.length - 1].n += 1;
    else groups.push({ v, n: 1 });
  }
  const order = wrt.length;
  const below = groups
    .reverse()
    .map((g) => `\\partial ${nameLatex(g.v)}${g.n > 1 ? `^{${g.n}}` : ""}`)
    .join("\\,");
  return `\\frac{\\partial${order > 1 ? `^{${order}}` : ""} f}{${below}}`;
}

// A bound shown in the heading only when it is plainly a number or a name.
const plainBound = (b) => (/^-?(inf|[0-9]+(\.[0-9]+)?(\/[0-9]+)?|[A-Za-z])$/.test(b)
  ? b.replace("inf", "\\infty") : "\\cdot");

// The answer as LaTeX and as text (the text is the CLI's output: `leibniz diff ...`).
function forms(req, answer) {
  switch (req.op) {
    case "diff":
      return { latex: `${derivativeLatex(req.wrt)} = ${answer.latex}`, text: answer.result };
    case "integrate": {
      const v = nameLatex(req.wrt[0] ?? "x");
      if (!("value" in answer)) {
        return { latex: `\\int f \\, d${v} = ${answer.latex} + C`, text: answer.result };
      }
      // A definite integral: exact by the fundamental theorem, or a number by quadrature.
      const bounds = `\\int_{${plainBound(req.from ?? "")}}^{${plainBound(req.to ?? "")}} f \\, d${v}`;
      const number = Number.isFinite(answer.value) ? String(answer.value) : "";
      const exact = answer.latex !== undefined;
      const approx = number ? ` \\approx ${number}` : "";
      const detail = [answer.method, answer.antiderivative ? `F = ${answer.antiderivative}` : "",
        answer.converged === false ? "did not converge: the integral may diverge" : ""];
      return {
        latex: exact ? `${bounds} = ${answer.latex}${approx}` : `${bounds}${approx}`,
        text: answer.result ?? `${number} ± ${answer.error_estimate}`,
        detail: detail.filter((d) => d).join("; "),
      };
    }
    case "simplify":
    case "expand":
      return { latex: `f = ${answer.latex}`, text: answer.result };
    case "grad": {
      const rows = req.wrt.map((v, i) => `\\frac{\\partial f}{\\partial ${nameLatex(v)}} &= ${answer.latex[i]}`);
      return {
        latex: `\\begin{aligned}${rows.join(" \\\\ ")}\\end{aligned}`,
        text: req.wrt.map((v, i) => `d/d${v}: ${answer.result[i]}`).join("\n"),
      };
    }
    case "hessian":
      return {
        latex: `H f = \\begin{pmatrix}${answer.latex.map((r) => r.join(" & ")).join(" \\\\ ")}\\end{pmatrix}`,
        text: answer.result.map((r) => `[${r.join(", ")}]`).join("\n"),
      };
    default:
      return { latex: "", text: "" };
  }
}

let shown = { text: "", latex: "" };

function showAnswer(req, answer) {
  clear($("result-math"));
  clear($("result-error"));
  clear($("warnings"));
  clear($("steps-list"));
  clear($("derivation"));
  $("steps-text").textContent = "";
  $("result-text").textContent = "";
  $("steps-box").hidden = true;
  if (!answer.ok) {
    $("result-error").append(el("p", "", errorText(answer.error)));
    if (answer.error.kind === "parse" && Number.isInteger(answer.error.pos)) {
      $("result-error").append(caretView(req.expr, answer.error.pos));
      // The cursor goes where the formula breaks (in UTF-16 units, as inputs count).
      const box = $("formula");
      if (box.value === req.expr) {
        const at = Array.from(req.expr).slice(0, characterAt(req.expr, answer.error.pos)).join("").length;
        box.setSelectionRange(at, at);
      }
    }
    shown = { text: "", latex: "" };
    return;
  }
  const f = forms(req, answer);
  renderMath($("result-math"), f.latex, true);
  $("result-text").append(el("span", "label", "text: "), el("code", "", f.text));
  if (f.detail) $("result-text").append(el("span", "detail", `  (${f.detail})`));
  shown = {
    text: f.text,
    latex: typeof answer.latex === "string" ? answer.latex : f.latex,
  };
  for (const warning of answer.warnings ?? []) $("warnings").append(el("li", "", warning));
  if (Array.isArray(answer.steps) && answer.steps.length > 0) {
    $("steps-box").hidden = false;
    renderSteps($("steps-list"), answer.steps);
    const lines = answer.derivation ?? { text: [], latex: [] };
    renderDerivation($("derivation"), lines.latex);
    $("steps-text").textContent = derivationText(lines.text);
  }
}

/// Runs the form's request and shows the answer.
export async function runCalc() {
  const req = request(readCalc());
  $("result-heading").textContent = "Answer (working…)";
  const answer = await ask(req, "calc");
  if (answer === null) return;
  $("result-heading").textContent = "Answer";
  showAnswer(req, answer);
  document.dispatchEvent(new CustomEvent("leibniz:answered", { detail: { view: "calc" } }));
}

// ---- the live preview -------------------------------------------------------------

async function preview() {
  const expr = $("formula").value;
  const error = $("formula-error");
  if (expr.trim() === "") {
    clear($("preview"));
    clear(error);
    return;
  }
  const req = { op: "simplify", expr, syntax: $("syntax").value };
  const functions = names($("functions").value);
  if (functions.length > 0) req.functions = functions;
  const answer = await ask(req, "preview");
  if (answer === null || $("formula").value !== expr) return;
  clear(error);
  if (answer.ok) {
    renderMath($("preview"), answer.latex, false);
    $("formula").removeAttribute("aria-invalid");
    return;
  }
  if (answer.error.kind === "parse") $("formula").setAttribute("aria-invalid", "true");
  error.append(el("p", "", errorText(answer.error)));
  if (Number.isInteger(answer.error.pos)) error.append(caretView(expr, answer.error.pos));
}

export const refreshPreview = debounce(preview, 250);

export function setupCalc(onRun) {
  $("op").addEventListener("change", showFields);
  $("formula").addEventListener("input", refreshPreview);
  $("syntax").addEventListener("change", refreshPreview);
  $("functions").addEventListener("input", refreshPreview);
  $("calc-form").addEventListener("submit", (event) => {
    event.preventDefault();
    onRun();
  });
  $("copy-text").addEventListener("click", () => copyText(shown.text, $("copy-status"), "text"));
  $("copy-latex").addEventListener("click", () => copyText(shown.latex, $("copy-status"), "LaTeX"));
  $("open-steps").addEventListener("click", () => foldAll($("steps-box"), true));
  $("fold-steps").addEventListener("click", () => foldAll($("steps-box"), false));
  showFields();
}

