// The page of `leibniz serve` (spec §8): four views over POST /api, the state of the
// current one in the URL's fragment (a link restores the formula, the operation and its
// options), and keyboard use: tabs with the arrow keys, Enter runs, Ctrl+Enter in a
// text area.

import { readBackprop, runBackprop, setupBackprop, writeBackprop } from "./backprop.js";
import { readCalc, refreshPreview, runCalc, setupCalc, writeCalc } from "./calc.js";
import { loadCheckPreset, readCheck, runCheck, setupCheck, writeCheck } from "./check.js";
import { copyText } from "./math.js";
import { setupNotes } from "./notes.js";
import { loadNotes, network, NOTES } from "./presets.js";

const VIEWS = ["calc", "check", "backprop", "notes"];
const $ = (id) => document.getElementById(id);

let current = "calc";

function showView(view, focusTab = false) {
  current = VIEWS.includes(view) ? view : "calc";
  for (const v of VIEWS) {
    const tab = $(`tab-${v}`);
    const selected = v === current;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(`view-${v}`).hidden = !selected;
    if (selected && focusTab) tab.focus();
  }
}

// ---- the URL ----------------------------------------------------------------------

function stateParams() {
  const p = new URLSearchParams({ view: current });
  if (current === "calc") {
    const s = readCalc();
    for (const k of ["op", "expr", "syntax", "wrt", "from", "to", "functions"]) if (s[k]) p.set(k, s[k]);
    p.set("steps", s.steps ? "1" : "0");
  } else if (current === "check") {
    const s = readCheck();
    for (const k of ["lines", "of", "wrt", "syntax"]) if (s[k]) p.set(k, s[k]);
  } else if (current === "backprop") {
    const s = readBackprop();
    const preset = network(s.net);
    if (preset && preset.model === s.model) p.set("net", s.net);
    else p.set("model", s.model);
    p.set("lr", s.lr);
    if (s.true_derivatives) p.set("true", "1");
  }
  return p;
}

function saveUrl() {
  const hash = `#${stateParams().toString()}`;
  if (location.hash !== hash) history.replaceState(null, "", hash);
}

/// Restores the state a URL fragment holds and runs it; false when there is none.
function restore(hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  if (!p.has("view")) return false;
  const view = p.get("view");
  showView(view);
  if (current === "calc") {
    writeCalc({
      op: p.get("op") ?? "diff",
      expr: p.get("expr") ?? "",
      syntax: p.get("syntax") ?? "auto",
      wrt: p.get("wrt") ?? "",
      from: p.get("from") ?? "",
      to: p.get("to") ?? "",
      functions: p.get("functions") ?? "",
      steps: p.get("steps") !== "0",
    });
  } else if (current === "check") {
    if (p.has("lines")) {
      writeCheck({ lines: p.get("lines"), of: p.get("of") ?? "", wrt: p.get("wrt") ?? "", syntax: p.get("syntax") ?? "latex" });
    } else {
      loadCheckPreset(NOTES.derivations[0]);
    }
  } else if (current === "backprop") {
    writeBackprop({
      net: p.get("net") ?? "",
      model: p.get("model") ?? undefined,
      lr: p.get("lr") ?? undefined,
      true_derivatives: p.get("true") === "1",
    });
  }
  run(current);
  return true;
}

// ---- running ----------------------------------------------------------------------

async function run(view = current) {
  if (view === "calc") {
    refreshPreview();
    saveUrl();
    await runCalc();
  } else if (view === "check") {
    saveUrl();
    await runCheck();
  } else if (view === "backprop") {
    saveUrl();
    await runBackprop();
  } else {
    saveUrl();
  }
}

// A notes preset: its view filled and computed.
function choose({ view, preset }) {
  showView(view);
  if (view === "calc") {
    writeCalc({ syntax: "auto", steps: true, from: "", to: "", functions: [], ...preset });
    $("formula").focus();
  } else if (view === "check") {
    loadCheckPreset(preset);
    $("check-lines").focus();
  } else if (view === "backprop") {
    writeBackprop({ net: preset.id });
    $("bp-model").focus();
  }
  run(view);
}

function setupTabs() {
  const tabs = VIEWS.map((v) => $(`tab-${v}`));
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => {
      showView(VIEWS[i]);
      saveUrl();
    });
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step === undefined && event.key !== "Home" && event.key !== "End") return;
      event.preventDefault();
      const next = event.key === "Home" ? 0 : event.key === "End" ? VIEWS.length - 1
        : (i + step + VIEWS.length) % VIEWS.length;
      showView(VIEWS[next], true);
      saveUrl();
    });
  });
}

// Ctrl+Enter (or Cmd+Enter) in a text area runs its form; Enter there is a new line.
function setupTextareas() {
  for (const area of document.querySelectorAll("textarea")) {
    area.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        area.form?.requestSubmit();
      }
    });
  }
}

async function start() {
  // Keys work at once; the presets are the server's notes, which arrive by a request:
  // without them the views still work, empty.
  setupTabs();
  setupTextareas();
  let failure = null;
  try {
    await loadNotes();
  } catch (error) {
    failure = error.message;
  }
  setupCalc(() => run("calc"));
  setupCheck(() => run("check"));
  setupBackprop(() => run("backprop"), saveUrl);
  setupNotes(choose, failure);
  $("copy-link").addEventListener("click", () => {
    saveUrl();
    copyText(location.href, $("copy-status"), "link");
  });
  writeBackprop({ net: NOTES.networks[0]?.id });
  loadCheckPreset(NOTES.derivations[0]);
  if (!restore(location.hash)) {
    // The notes' worked product-rule example, already worked with its steps.
    showView("calc");
    writeCalc({ syntax: "auto", ...NOTES.opening });
    run("calc");
  }
  window.addEventListener("hashchange", () => restore(location.hash));
  // Every control is wired: tests (and scripts driving the page) wait for this.
  document.body.dataset.ready = "true";
}

start();
