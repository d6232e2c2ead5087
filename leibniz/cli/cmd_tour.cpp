// leibniz tour: the guided tour of the lecture notes.
#include <iostream>

#include "leibniz/app/tour.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/core/error.h"

namespace leibniz::cli {

void register_tour(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, "tour");
  cmd->callback([&exit_status] {
    const OutputOptions options;
    exit_status = guarded(options, {}, [&] {
      if (!app::run_tour(std::cout)) {
        throw leibniz::Error(leibniz::ErrorKind::Internal,
                             "a result of the tour disagrees with the answer key");
      }
    });
  });
}

}  // namespace leibniz::cli
