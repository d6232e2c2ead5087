// Writing a derivation (calculus/steps.h) as the notes write it: Unicode text for a
// terminal, LaTeX for a document, JSON for batch mode.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "leibniz/calculus/steps.h"

namespace leibniz::app {

/// Unicode text, one line per step, sub-derivations indented.
std::string steps_text(const std::vector<Step>& steps);

/// The same lines as a LaTeX align* environment that compiles in a standard document
/// (amsmath).
std::string steps_latex(const std::vector<Step>& steps);

/// [{"rule", "rule_id", "depth", "var", "before", "after", "latex": {"before", "after"},
///   "parts": {...}}]: "rule" as the text names it, "rule_id" stable (docs/steps.md).
nlohmann::ordered_json steps_json(const std::vector<Step>& steps);

/// The lines of steps_text and steps_latex with their depths, for a page that folds a
/// derivation line by line: {"text": [{"depth", "line"}, ...], "latex": [...]}.
nlohmann::ordered_json derivation_json(const std::vector<Step>& steps);

}  // namespace leibniz::app
