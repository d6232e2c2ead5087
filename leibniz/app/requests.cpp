#include "leibniz/app/requests.h"

#include <fmt/format.h>

#include <algorithm>
#include <new>
#include <ostream>

#include "leibniz/app/batch_write.h"
#include "leibniz/app/notes.h"
#include "leibniz/app/operations.h"
#include "leibniz/app/request_families.h"
#include "leibniz/app/request_fields.h"
#include "leibniz/core/limits.h"
#include "leibniz/core/utf8.h"

namespace leibniz::app {

using nlohmann::json;

const std::vector<RequestRow>& request_table() {
  static const std::vector<RequestRow> table = [] {
    std::vector<RequestRow> rows;
    for (auto family : {expression_requests, matrix_requests, check_requests, model_requests,
                        notes_requests, command_line_requests}) {
      for (RequestRow& row : family()) rows.push_back(std::move(row));
    }
    return rows;
  }();
  return table;
}

namespace {

bool has_argument(const RequestRow& row, std::string_view name) {
  return std::any_of(row.arguments.begin(), row.arguments.end(),
                     [&](const Argument& a) { return a.name == name; });
}

// "diff, integrate and check": the ops of the rows `keep` selects.
template <typename Keep>
std::string op_list(Keep keep, std::string_view last_separator) {
  std::vector<std::string_view> ops;
  for (const RequestRow& row : request_table()) {
    if (keep(row)) ops.push_back(row.op);
  }
  std::string out;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (i > 0) out += i + 1 == ops.size() ? last_separator : ", ";
    out += ops[i];
  }
  return out;
}

const RequestRow* find_row(std::string_view op) {
  for (const RequestRow& row : request_table()) {
    if (row.op == op) return &row;
  }
  return nullptr;
}

}  // namespace

const RequestRow& request_row(std::string_view op) {
  const RequestRow* row = find_row(op);
  if (row != nullptr && row->doors == Doors::Every) return *row;
  if (row != nullptr) {
    throw Error(ErrorKind::Request,
                fmt::format("'{}' is a command of the command line, not a request: run leibniz "
                            "{} (leibniz {} --help lists its options)",
                            op, op, op));
  }
  throw Error(
      ErrorKind::Request,
      fmt::format("unknown op '{}' (the ops are: {})", op,
                  op_list([](const RequestRow& r) { return r.doors == Doors::Every; }, ", ")));
}

const RequestRow& command_row(std::string_view op) {
  const RequestRow* row = find_row(op);
  if (row == nullptr) {
    throw Error(ErrorKind::Internal,
                fmt::format("the command {} has no row in the request table", op));
  }
  return *row;
}

std::unique_ptr<Result> run_request(const json& request, Door door) {
  if (!request.is_object()) Fields::bad_request("a request must be a JSON object");
  return run_request_members(RequestMembers(request), door);
}

std::unique_ptr<Result> run_request_members(const RequestMembers& request, Door door) {
  const json* op = request.find("op");
  if (!op) Fields::bad_request("missing field 'op'");
  if (!op->is_string()) Fields::bad_request("field 'op' must be a string");
  const RequestRow& row = request_row(op->get_ref<const std::string&>());
  if (!has_argument(row, "steps")) {
    const json* steps = request.find("steps");
    if (steps && steps->is_boolean() && steps->get<bool>()) {
      throw Error(ErrorKind::Unsupported,
                  fmt::format("steps are available for {}, not {}",
                              op_list([](const RequestRow& r) { return has_argument(r, "steps"); },
                                      " and "),
                              row.op));
    }
  }
  const Fields fields(request, row, door);
  const DeclaredFunctions declared(has_argument(row, "functions") ? fields.list("functions")
                                                                  : declared_functions());
  return row.run(fields);
}

namespace {

// What answer_of adds to a result's json(): the warnings noted while it ran. Null, with no
// members to add, when there are none (an empty object would be allocated for every answer).
Answer noted() {
  Answer extra;
  const Notes* notes = Notes::current();
  if (notes != nullptr && !notes->list().empty()) extra["warnings"] = notes->list();
  return extra;
}

}  // namespace

void Result::write_json(std::ostream& out, const Answer& extra) const {
  Answer answer = json();
  for (const auto& [key, value] : extra.items()) answer[key] = value;
  out << answer;
}

Answer answer_of(const Result& result) {
  Answer answer = result.json();
  const Answer extra = noted();
  for (const auto& [key, value] : extra.items()) answer[key] = value;
  return answer;
}

void write_answer(std::ostream& out, const Result& result) { result.write_json(out, noted()); }

json error_json(const Error& error) {
  json pos = error.pos() ? json(*error.pos()) : json(nullptr);
  return {{"kind", kind_name(error.kind())}, {"message", error.what()}, {"pos", pos}};
}

Error error_of(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& error) {
    return error;
  } catch (const std::bad_alloc&) {
    return Error(ErrorKind::Limit, "the computation ran out of memory");
  } catch (const std::exception& e) {
    return Error(ErrorKind::Internal, std::string("internal failure: ") + e.what());
  } catch (...) {
    return Error(ErrorKind::Internal, "internal failure");
  }
}

Answer error_answer(const Error& error) {
  return Answer{{"ok", false}, {"error", error_json(error)}};
}

namespace {

// The readers locate an error by byte; the answer gives the character offset into the
// text the error is in: the request's expression or model file.
Error located_in_characters(const Error& error, const RequestMembers& request) {
  if (!error.pos()) return error;
  for (const char* field : {"expr", "model"}) {
    const json* text = request.find(field);
    if (text && text->is_string()) {
      return Error(error.kind(), error.what(),
                   character_offset(text->get_ref<const std::string&>(), *error.pos()));
    }
  }
  return error;
}

}  // namespace

Answer answer(const json& request) {
  // Whatever the request holds, it gets an answer: even a bug, or running out of memory.
  try {
    if (!request.is_object()) Fields::bad_request("a request must be a JSON object");
    return answer_members(RequestMembers(request));
  } catch (...) {
    return error_answer(error_of(std::current_exception()));
  }
}

namespace {

// Runs the request within the time limit, collecting its notes, and answers with what
// `answered` makes of its result while both last; any failure is its error answer.
template <class Answered>
Answer run_answered(const RequestMembers& request, Answered answered) {
  try {
    TimeBudget budget(limits().seconds);
    Notes notes;
    return answered(*run_request_members(request), notes);
  } catch (...) {
    return error_answer(located_in_characters(error_of(std::current_exception()), request));
  }
}

}  // namespace

Answer answer_members(const RequestMembers& request) {
  return run_answered(request,
                      [](const Result& result, const Notes&) { return answer_of(result); });
}

void append_answer_line_of_members(const json& id, const RequestMembers& request,
                                   std::string& out) {
  const std::size_t start = out.size();
  // Null when the result wrote itself into `out`.
  const Answer answer = run_answered(request, [&](const Result& result, const Notes& notes) {
    if (notes.list().empty()) {  // with notes, "warnings" joins the members
      out += "{\"id\":";
      append_json(id, out);
      out += ',';
      if (result.append_json_members(out)) {
        out += '}';
        return Answer();
      }
    }
    return answer_of(result);
  });
  if (answer.is_null()) return;
  out.resize(start);  // what a result began to write before it failed (too large to print)
  append_answer_line(id, answer, out);
}

}  // namespace leibniz::app
