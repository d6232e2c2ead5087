// What the model-file commands (backprop, gradcheck) share: errors reported with the
// file's line and a caret under the column, or as the spec's JSON error object.
#pragma once

#include <functional>
#include <iostream>
#include <memory>
#include <string_view>
#include <vector>

#include "leibniz/app/requests.h"
#include "leibniz/cli/output.h"
#include "leibniz/cli/report.h"
#include "leibniz/graph/source.h"

namespace leibniz::cli {

/// The result of the process's one request, kept to the end of the process: freeing a
/// model of a million nodes one allocation at a time took a tenth of the run, and the
/// process ends once its answer is printed. Still reachable (not a leak to LeakSanitizer).
inline const app::Result& keep_to_exit(std::unique_ptr<app::Result> result) {
  static auto* const kept = new std::vector<std::unique_ptr<app::Result>>();
  kept->push_back(std::move(result));
  return *kept->back();
}

/// Runs `body` within the time limit; an Error is reported (exit status 2) with the line
/// of the file it points into. `body` adds the files it reads to `sources`.
inline int run_model_command(bool json,
                             const std::function<void(std::vector<graph::Source>&)>& body) {
  std::vector<graph::Source> sources;
  auto fail = [&](const Error& error) {
    if (json) {
      std::cout << app::error_answer(error).dump() << std::endl;
      return 2;
    }
    report_error(Error(error.kind(), error.what()));
    for (const graph::Source& s : sources) {
      if (error.pos() && std::string_view(error.what()).starts_with(s.name + ":")) {
        std::cerr << s.caret(*error.pos());
        break;
      }
    }
    return 2;
  };
  return run_guarded([&] { body(sources); }, fail);
}

}  // namespace leibniz::cli
