// leibniz serve: the page and the HTTP API (spec §8, docs/serve.md) until SIGTERM or
// Ctrl-C, which stop accepting connections and let the requests in flight finish.
#include <memory>

#include "leibniz/cli/commands.h"
#include "leibniz/cli/doors.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kServe = "serve";

void register_serve(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kServe);
  auto options = std::make_shared<serve::ServerOptions>();
  add_argument(*cmd, kServe, "host", options->host)->capture_default_str();
  add_argument(*cmd, kServe, "port", options->port)
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  add_argument(*cmd, kServe, "threads", options->threads)
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  add_argument(*cmd, kServe, "max_body", options->max_body_bytes)
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 30));
  cmd->callback([options, &exit_status] { exit_status = run_serve(*options); });
}

}  // namespace

const Command kServeCommand{{&kServe, 1}, register_serve};

}  // namespace leibniz::cli
