// The requests leibniz answers, one table for every door (spec/interfaces.md §3, version 2:
// one request, one answer shape everywhere). A row names an op, lists its arguments, reads
// them from a JSON request object, runs, and leaves a Result that renders the answer as the
// spec's JSON object, as text and as LaTeX. Batch mode dispatches through the table, the
// CLI's subcommands build the same JSON request from argv and call the same row, and the
// Python module and the HTTP API call answer().
#pragma once

#include <exception>
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/app/render.h"
#include "leibniz/app/request_members.h"
#include "leibniz/core/error.h"

namespace leibniz::app {

using Answer = nlohmann::ordered_json;  // keeps the spec's key order: id, ok, result

/// What an argument holds, and so how it is read from JSON.
enum class ArgumentKind {
  Expression,  ///< a string in the request's syntax
  Claims,      ///< a string, or a list of strings forming one chain (check)
  Variables,   ///< a list of variable names, or one name
  Names,       ///< a list of names (functions)
  Syntax,      ///< "text", "latex" or "auto"
  Flag,        ///< true or false
  Bound,       ///< a number, or an expression or infinity as a string
  Number,      ///< a number, or a number as a string
  Values,      ///< an object of name: number or expression
  Text,        ///< a string taken as it is (a model file, CSV rows)
};

struct Argument {
  std::string_view name;  ///< the JSON member
  ArgumentKind kind;
  bool required = false;
  std::string_view fallback;  ///< the value when absent, as the docs show it ("" none)
  std::string_view cli;       ///< how the CLI spells it: "--from", or "" for a positional
  std::string_view help;
};

/// A request's answer, computed once and rendered as each door asks.
class Result {
 public:
  virtual ~Result() = default;
  /// The spec's answer object without framing: {"ok": true, ...}.
  virtual Answer json() const = 0;
  /// Writes json() with `extra`'s members last, as dump() writes it. A large answer (a
  /// value a node of a model of a million nodes) writes its members one by one instead
  /// of building the document first.
  virtual void write_json(std::ostream& out, const Answer& extra) const;
  /// json()'s members appended to `out` as append_json writes them (`"ok":true,…`, no
  /// braces) by a result that writes them without building the document first (the
  /// batch's most frequent answers); false, and nothing appended, by any other.
  virtual bool append_json_members(std::string& /*out*/) const { return false; }
  /// What the command line prints (whole lines): the text syntax, Unicode or LaTeX.
  virtual std::string text(Notation notation) const = 0;
  /// The CLI's exit status for this answer: 0, or for a claim 1 (fails) or 3 (unknown).
  virtual int exit_status() const { return 0; }
};

class Fields;

/// The doors that answer a row: every door (the CLI, batch, Python, HTTP), or the command
/// line alone: a command that reads and writes files by name (train, predict) or is
/// itself a door or a walk through the others (serve, batch, tour).
enum class Doors { Every, CommandLine };

struct RequestRow {
  std::string_view op;
  std::string_view summary;
  std::vector<Argument> arguments;
  /// Null for a row of the command line alone: its subcommand runs it.
  std::unique_ptr<Result> (*run)(const Fields& request);
  Doors doors = Doors::Every;
};

/// Every request and every command of the CLI, in the order the docs list them: the one
/// home of each one's summary and arguments (the CLI's help reads them from here).
const std::vector<RequestRow>& request_table();

/// The row of `op` that a request may name; Error{Request} "unknown op 'X' (the ops are:
/// diff, ...)" otherwise, or, for a command of the command line alone, why it is not a
/// request.
const RequestRow& request_row(std::string_view op);

/// The row of the CLI's subcommand `op`, whichever doors answer it; Error{Internal} when
/// the table has none (a subcommand without a row is a bug).
const RequestRow& command_row(std::string_view op);

/// Which door a request came through: names in messages are JSON members ('from') or
/// the CLI's spelling (--from).
enum class Door { Json, Cli };

/// Runs a request object ({"op": ..., ...}): its "functions" are declared while it runs,
/// "steps" is refused by a row without that argument. Throws Error for a bad request or a
/// failed computation. The caller holds the time budget and the notes (see answer()).
std::unique_ptr<Result> run_request(const nlohmann::json& request, Door door = Door::Json);
/// The same for a request's members (a plain batch line, read without a JSON object).
std::unique_ptr<Result> run_request_members(const RequestMembers& request, Door door = Door::Json);

/// The answer object of a result: its json() and, when the request noted something (a
/// variable that does not occur), "warnings".
Answer answer_of(const Result& result);
/// answer_of(result) written to `out` as dump() writes it, through Result::write_json.
void write_answer(std::ostream& out, const Result& result);

/// The whole answer to one request, never throwing: {"ok": true, ...} or {"ok": false,
/// "error": {...}}, within the time limit (limits().seconds). The entry point of batch mode,
/// the Python module and the HTTP API.
Answer answer(const nlohmann::json& request);
/// The same for a request's members (a plain batch line).
Answer answer_members(const RequestMembers& request);
/// answer_members(request) framed with `id` as a batch answer line, appended to `out` as
/// append_answer_line writes it (batch_write.h); written directly where the result can.
void append_answer_line_of_members(const nlohmann::json& id, const RequestMembers& request,
                                   std::string& out);

/// The spec's error object for an Error: {"kind", "message", "pos"}.
nlohmann::json error_json(const Error& error);

/// {"ok": false, "error": error_json(error)}: a failed request's answer.
Answer error_answer(const Error& error);

/// The Error a failure is reported as: an Error itself, running out of memory a limit,
/// anything else an internal failure (a bug, still answered rather than aborting).
Error error_of(const std::exception_ptr& failure);

}  // namespace leibniz::app
