// The check view: a derivation line by line. Either each line equals the next (a chain)
// or each line is the derivative of a given expression; the first wrong line is marked,
// with the difference and the counterexample point from the answer (spec §3, check).

import { ask } from "./api.js";
import { caretView, clear, el, errorText } from "./math.js";
import { NOTES } from "./presets.js";

const $ = (id) => document.getElementById(id);

const lines = () => $("check-lines").value.split("\n").map((l) => l.trim()).filter((l) => l !== "");

export function readCheck() {
  return {
    lines: $("check-lines").value,
    of: $("check-of").value,
    wrt: $("check-wrt").value,
    syntax: $("check-syntax").value,
  };
}

export function writeCheck(state) {
  $("check-lines").value = state.lines ?? "";
  $("check-of").value = state.of ?? "";
  $("check-wrt").value = state.wrt ?? "";
  $("check-syntax").value = state.syntax === "text" ? "text" : "latex";
  const preset = NOTES.derivations.find((p) => p.lines.join("\n") === $("check-lines").value);
  $("check-erratum").textContent = preset?.erratum ? `Erratum (answer key): ${preset.erratum}` : "";
}

function point(link) {
  return Object.entries(link.point ?? {}).map(([k, v]) => `${k} = ${v}`).join(", ");
}

// The lines as a list; `wrong` the index of the first wrong line (or -1).
function showLines(claims, answer, againstDerivative) {
  const list = $("check-result");
  clear(list);
  const links = answer.links;
  // A chain of n lines has n − 1 links (line i = line i + 1); against a derivative,
  // one link per line.
  const linkOfLine = (i) => (againstDerivative ? links[i] : links[i - 1]);
  const broken = answer.first_broken;
  const wrongLine = broken === null ? -1 : againstDerivative ? broken : broken + 1;
  claims.forEach((claim, i) => {
    const item = el("li", "line");
    item.append(el("code", "claim", claim));
    const link = linkOfLine(i);
    if (link) {
      const verdict = link.verdict;
      item.classList.add(verdict);
      const mark = verdict === "holds" ? "✓" : verdict === "fails" ? "✗" : "?";
      item.append(el("span", "mark", ` ${mark} ${verdict}`));
      if (i === wrongLine) {
        item.classList.add("first-wrong");
        item.setAttribute("aria-label", `line ${i + 1}, the first wrong line: ${claim}`);
        const why = el("div", "why");
        why.append(el("p", "", `The first wrong line. Off by ${link.difference}.`));
        if (link.point) {
          why.append(el("p", "", `Counterexample: at ${point(link)} this line is ${link.left_value}, the ${againstDerivative ? "derivative" : "line before"} ${link.right_value}.`));
        }
        item.append(why);
      } else if (verdict === "unknown" && link.reason) {
        item.append(el("p", "why", link.reason));
      }
    }
    list.append(item);
  });
}

// The answer's position does not say which line it is in: each line (and the expression
// differentiated) is read alone until one fails, and its caret shown.
async function locateParseError(claims, req) {
  const sources = claims.map((claim, i) => ({ text: claim, where: `line ${i + 1}`, syntax: req.syntax }));
  if (req.derivative_of) sources.push({ text: req.derivative_of, where: "the expression differentiated", syntax: req.syntax });
  for (const source of sources) {
    const answer = await ask({ op: "simplify", expr: source.text, syntax: source.syntax }, "check-locate");
    if (answer === null) return;
    if (!answer.ok && answer.error.kind === "parse") {
      $("check-error").append(el("p", "", `In ${source.where}:`));
      if (Number.isInteger(answer.error.pos)) $("check-error").append(caretView(source.text, answer.error.pos));
      return;
    }
  }
}

export async function runCheck() {
  const claims = lines();
  const state = readCheck();
  clear($("check-error"));
  clear($("check-result"));
  if (claims.length === 0) {
    $("check-verdict").textContent = "Write the derivation first: one expression a line.";
    return;
  }
  $("check-verdict").textContent = "Checking…";
  const req = { op: "check", expr: claims, syntax: state.syntax };
  const against = state.of.trim() !== "";
  if (against) {
    req.derivative_of = state.of.trim();
    req.wrt = state.wrt.split(/[\s,]+/).filter((n) => n !== "");
  }
  const answer = await ask(req, "check");
  if (answer === null) return;
  if (!answer.ok) {
    $("check-verdict").textContent = "";
    $("check-error").append(el("p", "", errorText(answer.error)));
    if (answer.error.kind === "parse") await locateParseError(claims, req);
    return;
  }
  const words = { holds: "Every line holds.", fails: "The derivation breaks.", unknown: "Not decided: some line could not be settled." };
  $("check-verdict").textContent = (words[answer.verdict] ?? answer.verdict) +
    (against && answer.derivative ? `  The derivative is ${answer.derivative}.` : "");
  showLines(claims, answer, against);
  document.dispatchEvent(new CustomEvent("leibniz:answered", { detail: { view: "check" } }));
}

/// Fills the view with a derivation of the notes (its request is a check).
export function loadCheckPreset(preset) {
  if (!preset) return;
  writeCheck({
    lines: preset.lines.join("\n"),
    of: preset.request.derivative_of ?? "",
    wrt: (preset.request.wrt ?? []).join(" "),
    syntax: preset.request.syntax,
  });
}

export function setupCheck(onRun) {
  const select = $("check-preset");
  NOTES.derivations.forEach((p, i) => {
    const option = el("option", "", p.erratum ? `${p.label} (erratum)` : p.label);
    option.value = String(i);
    select.append(option);
  });
  select.addEventListener("change", () => {
    if (select.value === "") return;
    loadCheckPreset(NOTES.derivations[Number(select.value)]);
    onRun();
  });
  $("check-form").addEventListener("submit", (event) => {
    event.preventDefault();
    onRun();
  });
}
