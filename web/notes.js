// The notes view: every rule's examples and every table row as a button that fills the
// formula box and computes; the derivations the notes write line by line open in the
// check view; the networks in the backpropagation view. Errata are marked. The presets
// are the server's (presets.js).

import { el, math } from "./math.js";
import { NOTES } from "./presets.js";

// A preset's button; `claim` (what the notes write) beside it, then the erratum.
function presetButton(label, erratum, onChoose, claim = null) {
  const item = el("li", erratum ? "preset has-erratum" : "preset");
  const button = el("button", "preset-button", label);
  button.type = "button";
  button.addEventListener("click", onChoose);
  item.append(button);
  if (claim) item.append(claim);
  if (erratum) {
    item.append(el("span", "erratum-badge", "erratum"), el("span", "erratum-text", erratum));
  }
  return item;
}

/// Fills the notes view; `choose` receives {view, preset}: for the calculus view the
/// preset is a request. `failure`: why the notes could not be loaded, or null.
export function setupNotes(choose, failure = null) {
  const root = document.getElementById("notes-list");
  if (failure) {
    root.append(el("p", "error", `The notes could not be loaded: ${failure}`));
    return;
  }
  const sections = [
    ...NOTES.rules.map((r, i) => ({ title: `§${i + 1} ${r.title}`, latex: r.latex, items: r.examples })),
    ...NOTES.tables.map((t) => ({ title: t.title, latex: t.latex, items: t.rows })),
  ];
  for (const section of sections) {
    const box = el("section", "notes-section");
    const heading = el("h3", "", section.title + " ");
    heading.append(math(section.latex));
    box.append(heading);
    const list = el("ul", "presets");
    for (const p of section.items) {
      let claim = null;
      if (p.notes_latex) {
        claim = el("span", "notes-claim", "the notes: ");
        claim.append(math(p.notes_latex));
      }
      list.append(presetButton(p.label, p.erratum, () => choose({ view: "calc", preset: p.request }), claim));
    }
    box.append(list);
    root.append(box);
  }
  const derivations = el("section", "notes-section");
  derivations.append(el("h3", "", "The notes' derivations, line by line"));
  const dlist = el("ul", "presets");
  for (const p of NOTES.derivations) {
    dlist.append(presetButton(p.label, p.erratum, () => choose({ view: "check", preset: p })));
  }
  derivations.append(dlist);
  root.append(derivations);
  const networks = el("section", "notes-section");
  networks.append(el("h3", "", "Backpropagation: the three networks"));
  const nlist = el("ul", "presets");
  for (const n of NOTES.networks) {
    nlist.append(presetButton(n.label, n.erratum, () => choose({ view: "backprop", preset: n })));
  }
  networks.append(nlist);
  root.append(networks);
}
