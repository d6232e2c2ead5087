// Reading a request's arguments from its JSON object, as its row declares them: each
// getter checks the member's kind and names it in a bad request's message as the door
// spells it ('from' in JSON, --from on the command line).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/app/operations.h"
#include "leibniz/app/requests.h"
#include "leibniz/expr/expr.h"
#include "leibniz/numeric/definite.h"

namespace leibniz::app {

class Fields {
 public:
  /// Checks every argument of the row that is required or present (expressions are read
  /// when the request runs, so that their errors come in the order of the computation).
  Fields(const RequestMembers& request, const RequestRow& row, Door door);

  bool has(std::string_view name) const;
  /// A string member (Expression, Text), as the request holds it.
  const std::string& text(std::string_view name) const;
  /// Claims: one string, or a list of strings.
  std::vector<std::string> texts(std::string_view name) const;
  /// Variables: a list of names, or one name.
  std::vector<std::string> names(std::string_view name) const;
  /// Names: a list of names (empty when absent).
  std::vector<std::string> list(std::string_view name) const;
  bool flag(std::string_view name) const;
  Syntax syntax() const;
  Bound bound(std::string_view name) const;
  /// A Number member as text ("0.1"), exactly as written; nullopt when absent.
  std::optional<std::string> number_text(std::string_view name) const;
  /// Values: each name's value, a number or an expression read as text or LaTeX.
  std::map<std::string, Expr> values(std::string_view name) const;

  /// The member as the door spells it: 'from' or --from.
  std::string label(std::string_view name) const;
  /// How to give the member: 'lr', or on the command line --lr RATE.
  std::string usage(std::string_view name, std::string_view metavar) const;
  /// "field 'from'" or --from: the subject of a message about the member.
  std::string field_label(std::string_view name) const;
  [[noreturn]] static void bad_request(const std::string& message);

 private:
  /// The member, or null when the request does not hold it.
  const nlohmann::json* find(std::string_view name) const;
  const nlohmann::json& member(std::string_view name) const;
  const Argument& argument(std::string_view name) const;
  /// The Variables member, checked: a name, or a list of names.
  const nlohmann::json& variables_member(std::string_view name) const;
  void check(const Argument& argument) const;

  const RequestMembers& request_;
  const RequestRow& row_;
  Door door_;
  // Each argument of the row's member, looked up once (null: absent); the getters run
  // for every request of a batch.
  std::vector<const nlohmann::json*> members_;
};

}  // namespace leibniz::app
