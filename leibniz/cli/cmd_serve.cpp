// leibniz serve: the page and the HTTP API (spec §8, docs/serve.md) until SIGTERM or
// Ctrl-C, which stop accepting connections and let the requests in flight finish.
#include <memory>

#include "leibniz/cli/commands.h"
#include "leibniz/cli/doors.h"

namespace leibniz::cli {

void register_serve(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "serve", "serve the page and the HTTP API (POST /api) until Ctrl-C or SIGTERM (spec §8)");
  auto options = std::make_shared<serve::ServerOptions>();
  cmd->add_option("--host", options->host, "address to listen on (loopback unless told)")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "port to listen on; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", options->threads, "connections answered at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  cmd->add_option("--max-body", options->max_body_bytes,
                  "bytes a request body may have (413 beyond)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 30));
  cmd->callback([options, &exit_status] { exit_status = run_serve(*options); });
}

}  // namespace leibniz::cli
