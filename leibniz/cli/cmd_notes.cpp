// leibniz notes: the lecture notes' examples, table rows, derivations and networks, each
// with the request that computes it (the request "notes"; the page's presets).
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kNotes = "notes";

void register_notes(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kNotes);
  auto options = std::make_shared<OutputOptions>();
  cmd->add_flag("--json", options->json, "print the notes as one JSON object");
  cmd->callback([options, &exit_status] {
    exit_status = answer_request({{"op", kNotes}}, *options, "");
  });
}

}  // namespace

const Command kNotesCommand{{&kNotes, 1}, register_notes};

}  // namespace leibniz::cli
