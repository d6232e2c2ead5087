#include "leibniz/expr/parse_text_calls.h"

#include <fmt/format.h>

#include <algorithm>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/functions.h"

namespace leibniz::text {

Expr differentiate_in(const Expr& e, const Expr& wrt, std::size_t at, std::size_t diff_pos,
                      const ParseOptions& options) {
  if (e.is(Kind::Call)) {
    const auto args = e.args();
    if (wrt.is_integer()) {
      const auto k = wrt.number().to_long();
      if (k && *k >= 1 && static_cast<std::size_t>(*k) <= args.size()) {
        return call_derivative(e, static_cast<std::size_t>(*k - 1));
      }
      throw Error(ErrorKind::Parse,
                  fmt::format("'{}' has no argument {}: it takes {}", call_name(e),
                              wrt.number().to_string(), args.size()),
                  at);
    }
    if (Expr partial = derivative_by_label(e, wrt); !partial.is_null()) return partial;
  }
  if (names_a_function_in(e, wrt)) {
    throw Error(ErrorKind::Parse,
                fmt::format("'{}' is a function here: diff names the argument {}(…) of a "
                            "function only, as in diff(f(g(x), h(x)), g)",
                            wrt.name(), wrt.name()),
                at);
  }
  if (!wrt.is(Kind::Symbol)) {
    throw Error(ErrorKind::Parse,
                "diff differentiates with respect to a variable, an argument of a function "
                "call (diff(f(g(x), h(x)), g(x))) or its place (diff(f(x, x), 1))",
                at);
  }
  if (!options.differentiate) {
    throw Error(ErrorKind::Unsupported, "a derivative cannot be evaluated here", diff_pos);
  }
  return options.differentiate(e, wrt);
}

Expr primed_call(const Token& name, const std::vector<Expr>& args, std::size_t primes,
                 bool may_be_undefined, const ParseOptions& options) {
  const std::string_view n = name.text;
  const bool undefined = may_be_undefined && options.undefined_functions &&
                         (is_one_letter_function(n) ||
                          std::ranges::find(options.functions, n) != options.functions.end());
  if (!undefined) {
    throw Error(ErrorKind::Parse,
                fmt::format("a prime marks the derivative of an undefined function such as "
                            "g′(x); for '{}' write diff({}(x), x)",
                            n, n),
                name.pos);
  }
  if (args.size() != 1) {
    throw Error(ErrorKind::Parse,
                fmt::format("{}′ is the derivative of a function of one argument; {} takes "
                            "{}: write diff({}(…), 1) for its first slot",
                            n, n, args.size(), n),
                name.pos);
  }
  return call(n, args, std::vector<std::size_t>(primes, 0));
}

unsigned long derivative_order(const Token& superscript) {
  const std::string value = superscript_value(superscript.text);
  if (value.find_first_not_of("0123456789") != std::string::npos ||
      value.find_first_not_of('0') == std::string::npos || value.size() > 3) {
    throw Error(ErrorKind::Parse, fmt::format("'{}' is no order of a derivative", superscript.text),
                superscript.pos);
  }
  return std::stoul(value);
}

namespace {

// Levenshtein distance, in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearest_function(std::string_view name) {
  std::vector<std::string_view> known{"exp", "sqrt", "log", "diff"};
  for (std::size_t f = 0; f < kFnCount; ++f)
    known.push_back(function_info(static_cast<Fn>(f)).name);
  std::string_view best = known[0];
  std::size_t best_distance = std::string_view::npos;
  for (std::string_view k : known) {
    if (const std::size_t d = edit_distance(name, k); d < best_distance) {
      best_distance = d;
      best = k;
    }
  }
  return std::string(best);
}

}  // namespace leibniz::text
