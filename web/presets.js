// The lecture notes' presets: every rule's examples, every row of the derivative and
// integral tables, the derivations the notes write line by line, and the three networks,
// as the request "notes" answers them (spec §3; their one home is
// leibniz/app/lecture_notes.cpp, and `leibniz tour` checks every one against the answer
// key). Each preset carries the request that computes it; the answer key's corrections
// are its `erratum`.

import { ask } from "./api.js";

/// Filled by loadNotes(): {rules, tables, derivations, networks, opening}.
export const NOTES = { rules: [], tables: [], derivations: [], networks: [], opening: null };

/// Asks the server for the notes; throws an Error with the reason when it cannot answer.
export async function loadNotes() {
  const answer = await ask({ op: "notes" });
  if (!answer?.ok) {
    throw new Error(answer?.error?.message ?? "no answer");
  }
  for (const key of Object.keys(NOTES)) NOTES[key] = answer[key];
}

/// A network's preset by its id, or undefined.
export const network = (id) => NOTES.networks.find((n) => n.id === id);
