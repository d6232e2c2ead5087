// leibniz tour: the guided tour of the lecture notes.
#include <iostream>

#include "leibniz/app/tour.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/core/error.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kTour = "tour";

void register_tour(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kTour);
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

}  // namespace

const Command kTourCommand{{&kTour, 1}, register_tour};

}  // namespace leibniz::cli
