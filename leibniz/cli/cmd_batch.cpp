// leibniz batch: JSON Lines requests on stdin, answers on stdout (spec §3).
#include <iostream>

#include "leibniz/app/batch.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kBatch = "batch";

void register_batch(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kBatch);
  cmd->callback([&exit_status] {
    app::run_batch(std::cin, std::cout);
    exit_status = 0;
  });
}

}  // namespace

const Command kBatchCommand{{&kBatch, 1}, register_batch};

}  // namespace leibniz::cli
