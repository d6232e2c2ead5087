// Reading a model file (spec/interfaces.md §4 and docs/model-files.md) into
// statements: declarations with exact values, named equations, user functions and
// derivative overrides, with loops over time steps already unrolled.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "leibniz/core/number.h"
#include "leibniz/graph/index_expand.h"
#include "leibniz/graph/source.h"

namespace leibniz::graph {

enum class Role : std::uint8_t { Param, Input, Target, Node, Loss };

/// "param", "input", "target", "node", "loss".
std::string_view role_name(Role role);

struct Statement {
  Role role = Role::Node;
  std::string name;         ///< element names of indexed statements: "h_1"
  std::size_t name_at = 0;  ///< file offset of the name
  /// param, input, target: the value, exact when written exactly (out of line: most
  /// statements of a large model are equations)
  std::unique_ptr<Number> value;
  /// node, loss: the right-hand side as plain expression text; null for declarations and,
  /// read with Texts::Dropped, until the graph builder reads it again (out of line: 64
  /// bytes a statement of a million-step loop otherwise)
  std::unique_ptr<Expanded> expr;
};

struct FunctionStatement {
  bool is_deriv = false;  ///< `deriv F(t) = ...` rather than `def F(t) = ...`
  std::string name;
  std::size_t name_at = 0;
  std::vector<std::string> params;
  Expanded body;
};

/// Whether reading a model keeps its equations' texts (Statement::expr), or drops each
/// once read and checked: building the graph reads them again one at a time
/// (read_equation_texts), so that a loop of a million steps never holds a million texts.
enum class Texts : std::uint8_t { Kept, Dropped };

struct ModelFile {
  Texts texts = Texts::Kept;
  Source source;
  std::vector<Statement> statements;  ///< in the order written, loops unrolled
  std::vector<FunctionStatement> functions;
};

/// Splits the file into statements; throws Error{Parse} "FILE:LINE:COL: ..." for a line
/// that is not a statement, a bad number, or a bad loop.
ModelFile parse_model_file(Source source, Texts texts = Texts::Kept);

/// Gives each equation's text to `each` with its statement's index, in order, reading the
/// file again (a model read with Texts::Dropped; the reading checked it already).
using EquationTexts = std::function<void(std::size_t, Expanded)>;
void read_equation_texts(ModelFile& model, const EquationTexts& each);

}  // namespace leibniz::graph
