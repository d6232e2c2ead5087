// The backpropagation view: a model file (spec §4) with the notes' three networks as
// presets (the server's: presets.js); the forward values, the loss, ∂loss/∂node and the gradient-descent step in a
// table; the computation graph drawn from the answer's DOT; "Apply the step" writes the
// updated parameters back into the model file and runs it again.

import { ask } from "./api.js";
import { clear, el, errorText } from "./math.js";
import { drawGraph, MAX_DRAWN_NODES, parseDot } from "./graph.js";
import { network, NOTES } from "./presets.js";

const $ = (id) => document.getElementById(id);

let last = null;  // the last answer that succeeded with a learning rate

export function readBackprop() {
  return {
    model: $("bp-model").value,
    lr: $("bp-lr").value,
    true_derivatives: $("bp-true").checked,
    net: $("bp-preset").value,
  };
}

export function writeBackprop(state) {
  const preset = network(state.net);
  $("bp-preset").value = preset ? preset.id : "";
  $("bp-model").value = state.model ?? preset?.model ?? NOTES.networks[0]?.model ?? "";
  $("bp-lr").value = state.lr ?? preset?.lr ?? "0.1";
  $("bp-true").checked = Boolean(state.true_derivatives);
  $("bp-erratum").textContent = preset?.erratum ? `Erratum (answer key): ${preset.erratum}` : "";
}

// The value an answer gives a name: its exact text when there is one.
function exact(answer, group, name) {
  const text = answer.exact?.[group]?.[name];
  const value = answer[group]?.[name];
  if (text === undefined) return value === undefined ? "" : String(value);
  return value !== undefined && String(value) !== text ? `${text} ≈ ${value}` : text;
}

// The leaves' kinds and values from the DOT labels: "param w1", "= 0.5".
function leaves(graph) {
  const found = new Map();
  for (const node of graph.nodes) {
    const m = /^(param|input|target) (.+)$/.exec(node.lines[0] ?? "");
    if (m) found.set(m[2], { kind: m[1], value: (node.lines[1] ?? "").replace(/^= /, "") });
  }
  return found;
}

// The name the DOT labels show for a node (leibniz/graph/symbolic.cpp, display_name).
function displayName(name) {
  if (name === "yhat") return "\u0177";
  return /^.hat$/.test(name) ? `${name[0]}\u0302` : name;
}

// ∂loss/∂node of the equations from their DOT labels: "z1 = psi(t1)", "= 0.75",
// "∂C/∂z1 = 32" (six significant digits, as the picture shows them).
function nodeGradients(graph) {
  const found = new Map();
  for (const node of graph.nodes) {
    const name = /^(\S+) = /.exec(node.lines[0] ?? "")?.[1];
    const gradient = / = (\S+)$/.exec(node.lines[2] ?? "")?.[1];
    if (name && gradient) found.set(name, gradient);
  }
  return found;
}

function cellRow(cells, className = "") {
  const tr = el("tr", className);
  cells.forEach((text, i) => tr.append(el(i === 0 ? "th" : "td", "", text)));
  if (tr.firstChild) tr.firstChild.setAttribute("scope", "row");
  return tr;
}

function showTable(answer, graph) {
  const body = $("bp-table").querySelector("tbody");
  clear(body);
  const leafInfo = leaves(graph);
  // Without the picture (a graph too large to draw), the leaves the answer names.
  for (const name of Object.keys(answer.gradients ?? {})) {
    if (leafInfo.has(name)) continue;
    const kind = answer.updated ? (name in answer.updated ? "param" : "input") : "param or input";
    leafInfo.set(name, { kind, value: "" });
  }
  const loss = /^(.*) = /.exec(graph.nodes.find((n) => n.fill === "#f6dbdb")?.lines[0] ?? "")?.[1] ?? "loss";
  for (const [name, info] of leafInfo) {
    if (info.kind === "target") continue;
    body.append(cellRow([name, info.kind, info.value, exact(answer, "gradients", name), exact(answer, "updated", name)], info.kind));
  }
  for (const [name, info] of leafInfo) {
    if (info.kind === "target") body.append(cellRow([name, "target", info.value, "", ""], "target"));
  }
  const gradients = nodeGradients(graph);
  for (const name of Object.keys(answer.values ?? {})) {
    const gradient = gradients.get(displayName(name)) ?? "";
    body.append(cellRow([name, "node", exact(answer, "values", name), gradient, ""], "node"));
  }
  const lossText = answer.exact?.loss !== undefined && String(answer.loss) !== answer.exact.loss
    ? `${answer.exact.loss} ≈ ${answer.loss}` : String(answer.loss);
  body.append(cellRow([loss, "loss", lossText, "1", ""], "loss"));
}

function showGraph(graph, tooLarge) {
  const box = $("bp-graph");
  clear(box);
  if (tooLarge) {
    box.append(el("p", "", `No picture: ${tooLarge}.`));
  } else if (graph.nodes.length > MAX_DRAWN_NODES) {
    box.append(el("p", "", `No picture: the graph has ${graph.nodes.length} nodes, more than the ${MAX_DRAWN_NODES} drawn here.`));
  } else {
    box.append(drawGraph(graph));
  }
}

export async function runBackprop() {
  const state = readBackprop();
  clear($("bp-error"));
  $("bp-summary").textContent = "Working…";
  const req = { op: "backprop", model: state.model, model_name: "model", dot: true };
  if (state.lr.trim() !== "") req.lr = state.lr.trim();
  if (state.true_derivatives) req.true_derivatives = true;
  let answer = await ask(req, "backprop");
  let tooLarge = "";
  if (answer?.ok === false && answer.error.kind === "limit" && /^field 'dot'/.test(answer.error.message)) {
    // A graph too large to draw: the numbers without the picture.
    tooLarge = answer.error.message;
    delete req.dot;
    answer = await ask(req, "backprop");
  }
  if (answer === null) return;
  if (!answer.ok) {
    last = null;
    $("bp-summary").textContent = "";
    $("bp-error").append(el("p", "", errorText(answer.error)));
    return;
  }
  last = answer;
  const graph = parseDot(answer.dot ?? "");
  $("bp-summary").textContent = `The loss is ${answer.exact?.loss ?? answer.loss}` +
    (answer.updated ? `; one step with learning rate ${req.lr} is in the last column.` : "");
  showTable(answer, graph);
  showGraph(graph, tooLarge);
  $("bp-step").disabled = !answer.updated;
  document.dispatchEvent(new CustomEvent("leibniz:answered", { detail: { view: "backprop" } }));
}

/// The model with each `param NAME = VALUE` line given its updated value; the names it
/// could not rewrite (declared with a range).
export function applyStep(model, updated) {
  const missed = [];
  let out = model;
  for (const [name, value] of Object.entries(updated)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const line = new RegExp(`^(\\s*param\\s+${escaped}\\s*=\\s*)([^#\\n]*?)(\\s*(#.*)?)$`, "m");
    if (line.test(out)) out = out.replace(line, (_, head, _old, tail) => `${head}${value}${tail}`);
    else missed.push(name);
  }
  return { model: out, missed };
}

// A parameter's new value as a model file reads it: the exact value when it is a
// rational number, else the double (3·ln(3)/5 + 1 is no number a model file reads).
function newValues(answer) {
  const values = {};
  for (const [name, value] of Object.entries(answer.updated)) {
    const exactText = answer.exact?.updated?.[name];
    values[name] = /^-?[0-9]+(\.[0-9]+)?(\/[0-9]+)?$/.test(exactText ?? "") ? exactText : String(value);
  }
  return values;
}

async function step() {
  if (!last?.updated) return;
  const { model, missed } = applyStep($("bp-model").value, newValues(last));
  $("bp-model").value = model;
  $("bp-preset").value = "";
  await runBackprop();
  if (missed.length > 0) {
    $("bp-error").append(el("p", "", `Not rewritten (declared with a range): ${missed.join(", ")}.`));
  }
}

export function setupBackprop(onRun, onStep) {
  const select = $("bp-preset");
  const custom = el("option", "", "— your own —");
  custom.value = "";
  select.append(custom);
  for (const n of NOTES.networks) {
    const option = el("option", "", n.erratum ? `${n.label} (erratum)` : n.label);
    option.value = n.id;
    select.append(option);
  }
  select.addEventListener("change", () => {
    if (select.value === "") return;
    writeBackprop({ net: select.value });
    onRun();
  });
  $("bp-form").addEventListener("submit", (event) => {
    event.preventDefault();
    onRun();
  });
  $("bp-step").addEventListener("click", async () => {
    await step();
    onStep();
  });
  $("bp-step").disabled = true;
}
