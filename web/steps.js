// The steps of an answer (docs/steps.md). The derivation as the notes write it (the
// answer's "derivation": the lines of `--steps`, each with its depth) folds line by line:
// a line with deeper lines under it is a <details>, its sub-derivation inside. Each rule
// with the parts it names (u, v, ∂u/∂x, ...) is the answer's "steps", folded the same way.

import { el, math } from "./math.js";

// Rules of the integrator (docs/steps.md, "Antiderivatives"), by rule id or id prefix.
const INTEGRAL_RULES = new Set([
  "integral-constant", "linearity", "integral-constant-multiple", "expand-integrand",
  "substitution", "parts", "parts-twice", "polynomial", "partial-fractions",
  "root-of-quadratic", "undefined-function",
]);
const INTEGRAL_PREFIXES = ["integral-table:", "trig-identity:", "reduction:"];
// Rewrites: the expression before and after, no operator.
const REWRITES = new Set(["identities", "expand-and-collect", "cancel", "simplify-antiderivative"]);

function isIntegral(id) {
  return INTEGRAL_RULES.has(id) || INTEGRAL_PREFIXES.some((p) => id.startsWith(p));
}

// LaTeX for a variable name as the engine prints names: x, x1, x_1, alpha.
function varLatex(name) {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return "\\text{?}";
  const m = /^([A-Za-z]+)_?([0-9]+)$/.exec(name);
  if (m) return `${m[1].length > 1 ? `\\mathrm{${m[1]}}` : m[1]}_{${m[2]}}`;
  return name.length > 1 ? `\\mathrm{${name.replaceAll("_", "\\_")}}` : name;
}

/// The step's line in LaTeX: ∂/∂x (before) = after, ∫ before dx = after, before = after.
export function stepLatex(step) {
  const before = step.latex.before;
  const after = step.latex.after;
  const v = step.var ? varLatex(step.var) : "x";
  if (REWRITES.has(step.rule_id)) return `${before} = ${after}`;
  if (isIntegral(step.rule_id)) return `\\int ${before} \\, d${v} = ${after}`;
  return `\\frac{\\partial}{\\partial ${v}}\\left(${before}\\right) = ${after}`;
}

function stepNode(step) {
  const details = el("details", "step");
  details.dataset.rule = step.rule_id;
  const summary = el("summary");
  summary.append(el("span", "rule", step.rule), el("span", "sep", ": "), math(stepLatex(step)));
  details.append(summary);
  const parts = Object.entries(step.parts ?? {});
  if (parts.length > 0) {
    const list = el("dl", "parts");
    for (const [name, value] of parts) list.append(el("dt", "", name), el("dd", "", value));
    details.append(list);
  }
  const text = el("p", "step-text");
  text.append(el("code", "", `${step.before}  →  ${step.after}`));
  details.append(text);
  return details;
}

/// The steps as nested <details>: the top level open, deeper steps folded.
export function renderSteps(container, steps) {
  const stack = [{ depth: -1, node: container }];
  for (const step of steps) {
    while (stack.length > 1 && stack[stack.length - 1].depth >= step.depth) stack.pop();
    const node = stepNode(step);
    if (step.depth === 0) node.open = true;
    stack[stack.length - 1].node.append(node);
    stack.push({ depth: step.depth, node });
  }
}

/// The derivation's LaTeX lines as nested <details>: the top level open, deeper folded.
export function renderDerivation(container, lines) {
  const stack = [{ depth: -1, node: container }];
  lines.forEach((line, i) => {
    while (stack.length > 1 && stack[stack.length - 1].depth >= line.depth) stack.pop();
    const parent = stack[stack.length - 1].node;
    const next = lines[i + 1];
    if (next && next.depth > line.depth) {
      const details = el("details", "step line");
      details.open = line.depth === 0;
      const summary = el("summary");
      summary.append(math(line.line));
      details.append(summary);
      parent.append(details);
      stack.push({ depth: line.depth, node: details });
    } else {
      const leaf = el("div", "line");
      leaf.append(math(line.line));
      parent.append(leaf);
    }
  });
}

/// The derivation's text lines as `leibniz diff --steps` prints them.
export function derivationText(lines) {
  return lines.map((l) => `${"  ".repeat(l.depth)}${l.line}`).join("\n");
}

/// Opens or folds every step under `container`.
export function foldAll(container, open) {
  for (const details of container.querySelectorAll("details.step")) details.open = open;
}
