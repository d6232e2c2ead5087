#include "leibniz/graph/index_expand.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iterator>
#include <limits>

#include "leibniz/core/limits.h"
#include "leibniz/core/names.h"

namespace leibniz::graph {
namespace {

constexpr long kMaxRange = 1'000'000;

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Recursive descent over an index expression: sum = product (('+'|'-') product)*,
// product = unary ('*' unary)*, unary = '-' unary | integer | name | '(' sum ')'.
class IndexParser {
 public:
  IndexParser(const Source& source, std::size_t begin, std::size_t end, const Bindings& bindings)
      : source_(source), pos_(begin), end_(end), bindings_(bindings) {}

  long parse_all() {
    skip();
    if (pos_ >= end_) throw source_.error(ErrorKind::Parse, pos_, "expected an index");
    const long value = sum();
    skip();
    if (pos_ < end_) {
      throw source_.error(ErrorKind::Parse, pos_,
                          fmt::format("unexpected '{}' in an index", source_.text[pos_]));
    }
    return value;
  }

 private:
  void skip() {
    while (pos_ < end_ && (source_.text[pos_] == ' ' || source_.text[pos_] == '\t')) ++pos_;
  }
  bool accept(char c) {
    skip();
    if (pos_ < end_ && source_.text[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  long sum() {
    long value = product();
    for (;;) {
      skip();
      const std::size_t op = pos_;
      long result = 0;
      if (accept('+')) {
        if (__builtin_add_overflow(value, product(), &result)) overflow(op);
      } else if (accept('-')) {
        if (__builtin_sub_overflow(value, product(), &result)) overflow(op);
      } else {
        return value;
      }
      value = result;
    }
  }
  long product() {
    long value = unary();
    for (;;) {
      skip();
      const std::size_t op = pos_;
      if (!accept('*')) return value;
      if (__builtin_mul_overflow(value, unary(), &value)) overflow(op);
    }
  }
  // Signs and parentheses recurse: their depth is bounded as the expression parser's is.
  long unary() {
    skip();
    const std::size_t start = pos_;
    if (++depth_ > limits().max_nesting) {
      throw source_.error(ErrorKind::Limit, start,
                          fmt::format("the index is nested deeper than the limit of {} levels",
                                      limits().max_nesting));
    }
    const long value = operand();
    --depth_;
    return value;
  }
  [[noreturn]] void overflow(std::size_t op) const {
    throw source_.error(ErrorKind::Limit, op,
                        fmt::format("the index overflows at '{}': its value is beyond ±{}",
                                    source_.text[op], std::numeric_limits<long>::max()));
  }
  long operand() {
    const std::size_t sign = pos_;
    if (accept('-')) {
      const long value = unary();
      if (value == std::numeric_limits<long>::min()) overflow(sign);
      return -value;
    }
    if (pos_ >= end_) throw source_.error(ErrorKind::Parse, pos_, "expected an index");
    const std::size_t start = pos_;
    const char c = source_.text[pos_];
    if (accept('(')) {
      const long value = sum();
      if (!accept(')')) throw source_.error(ErrorKind::Parse, pos_, "expected ')' in an index");
      return value;
    }
    if (is_digit(c)) {
      long value = 0;
      while (pos_ < end_ && is_digit(source_.text[pos_])) {
        value = value * 10 + (source_.text[pos_++] - '0');
        if (value > kMaxRange) throw source_.error(ErrorKind::Limit, start, "index too large");
      }
      return value;
    }
    if (is_name_start(c)) {
      while (pos_ < end_ && is_name_char(source_.text[pos_])) ++pos_;
      const std::string_view name = std::string_view(source_.text).substr(start, pos_ - start);
      const auto found = bindings_.find(name);
      if (found == bindings_.end()) {
        throw source_.error(ErrorKind::Parse, start,
                            fmt::format("unknown index '{}': bind it with 'for {} = 1..N' or "
                                        "'const {} = N'",
                                        name, name, name));
      }
      return found->second;
    }
    throw source_.error(ErrorKind::Parse, start, fmt::format("unexpected '{}' in an index", c));
  }

  const Source& source_;
  std::size_t pos_;
  std::size_t end_;
  const Bindings& bindings_;
  std::size_t depth_ = 0;
};

// The offset of the ')' that closes the '(' at `open`, or npos.
std::size_t matching_close(std::string_view text, std::size_t open, std::size_t end, char o,
                           char c) {
  int depth = 0;
  for (std::size_t i = open; i < end; ++i) {
    if (text[i] == o) ++depth;
    if (text[i] == c && --depth == 0) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::size_t find_top_level_for(std::string_view text, std::size_t begin, std::size_t end) {
  int depth = 0;
  std::size_t found = std::string_view::npos;
  for (std::size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (depth == 0 && text.compare(i, 3, "for") == 0 && (i == 0 || !is_name_char(text[i - 1])) &&
        (i + 3 >= end || !is_name_char(text[i + 3]))) {
      found = i;
    }
  }
  return found;
}

namespace {

class Expander {
 public:
  // `out` is empty; its capacity serves every statement of a loop.
  Expander(const Source& source, Expanded& out) : source_(source), text_(source.text), out_(out) {}

  void run(std::size_t begin, std::size_t end, const Bindings& bindings) {
    std::size_t i = begin;
    while (i < end) {
      const char c = text_[i];
      if (is_name_start(c) && (i == begin || !is_name_char(text_[i - 1]))) {
        i = name(i, end, bindings);
      } else if ((is_digit(c) || (c == '.' && i + 1 < end && is_digit(text_[i + 1]))) &&
                 (i == begin || !is_name_char(text_[i - 1]))) {
        i = literal(i, end);
      } else {
        out_.push_back(c, i);
        ++i;
      }
    }
  }

  // Copied to their exact sizes: a loop of a million steps keeps one text a step, which
  // grew a character and a run at a time.
  Expanded take(std::size_t end) {
    Expanded exact;
    exact.text = out_.text;
    exact.runs = out_.runs;
    exact.end = end;
    return exact;
  }

 private:
  void emit(std::string_view s, std::size_t origin) { out_.append(s, origin); }

  std::size_t name(std::size_t start, std::size_t end, const Bindings& bindings) {
    std::size_t i = start;
    while (i < end && is_name_char(text_[i])) ++i;
    const std::string_view word = text_.substr(start, i - start);
    std::size_t next = i;
    while (next < end && text_[next] == ' ') ++next;
    if (word == "sum" && next < end && text_[next] == '(') {
      const std::size_t close = matching_close(text_, next, end, '(', ')');
      const std::size_t for_at =
          close == std::string_view::npos ? close : find_top_level_for(text_, next + 1, close);
      if (for_at != std::string_view::npos) {
        sum(start, next + 1, for_at, close, bindings);
        return close + 1;
      }
    }
    if (next < end && text_[next] == '[') {
      const std::size_t close = matching_close(text_, next, end, '[', ']');
      if (close == std::string_view::npos) {
        throw source_.error(ErrorKind::Parse, next, "expected ']' to close '['");
      }
      const long index = evaluate_index(source_, next + 1, close, bindings);
      if (index < 0) {
        throw source_.error(ErrorKind::Parse, next + 1,
                            fmt::format("index {} of '{}' is negative", index, word));
      }
      emit(element_name(word, index), start);
      return close + 1;
    }
    if (const auto bound = bindings.find(word); bound != bindings.end()) {
      emit(fmt::format("({})", bound->second), start);
      return i;
    }
    for (std::size_t k = start; k < i; ++k) out_.push_back(text_[k], k);
    return i;
  }

  // sum(BODY for t = A..B) -> ((BODY at A) + ... + (BODY at B)), or 0 when empty.
  void sum(std::size_t start, std::size_t body_begin, std::size_t for_at, std::size_t close,
           const Bindings& bindings) {
    const Range range = parse_range(source_, for_at + 3, close, bindings);
    if (range.last < range.first) {
      emit("0", start);
      return;
    }
    if (++depth_ > limits().max_nesting) {  // sums inside sums recurse
      throw source_.error(
          ErrorKind::Limit, start,
          fmt::format("sums are nested deeper than the limit of {} levels", limits().max_nesting));
    }
    std::size_t body_end = for_at;
    while (body_end > body_begin && text_[body_end - 1] == ' ') --body_end;
    Bindings inner = bindings;
    emit("(", start);
    for (long v = range.first; v <= range.last; ++v) {
      tick();  // sums nest: the work is the product of their ranges
      if (v != range.first) emit(" + ", start);
      inner[range.name] = v;
      emit("(", start);
      run(body_begin, body_end, inner);
      emit(")", start);
    }
    emit(")", start);
    --depth_;
  }

  // A decimal or exponent literal becomes an exact rational in parentheses.
  std::size_t literal(std::size_t start, std::size_t end) {
    std::size_t i = start;
    while (i < end && is_digit(text_[i])) ++i;
    bool exact_already = true;
    if (i < end && text_[i] == '.') {
      exact_already = false;
      ++i;
      while (i < end && is_digit(text_[i])) ++i;
    }
    if (i < end && (text_[i] == 'e' || text_[i] == 'E')) {
      std::size_t j = i + 1;
      if (j < end && (text_[j] == '+' || text_[j] == '-')) ++j;
      if (j < end && is_digit(text_[j])) {
        exact_already = false;
        i = j;
        while (i < end && is_digit(text_[i])) ++i;
      }
    }
    if (i < end && text_[i] == '.') {  // 1.2.3
      while (i < end && (is_digit(text_[i]) || text_[i] == '.')) ++i;
      throw source_.error(ErrorKind::Parse, start,
                          fmt::format("bad number '{}'", text_.substr(start, i - start)));
    }
    const std::string_view digits = text_.substr(start, i - start);
    if (exact_already) {
      for (std::size_t k = start; k < i; ++k) out_.push_back(text_[k], k);
      return i;
    }
    const std::optional<Number> value = read_number(source_, start, digits);
    if (!value)
      throw source_.error(ErrorKind::Parse, start, fmt::format("bad number '{}'", digits));
    emit("(" + value->to_string() + ")", start);
    if (i < end && (is_name_start(text_[i]) || text_[i] == '(')) emit("*", i);
    return i;
  }

  const Source& source_;
  std::string_view text_;
  Expanded& out_;
  std::size_t depth_ = 0;
};

}  // namespace

Expanded expand_text(const Source& source, std::size_t begin, std::size_t end,
                     const Bindings& bindings) {
  // Grown once, not once a step: a step's text and runs grew by doubling from nothing.
  thread_local Expanded scratch;
  scratch.text.clear();
  scratch.runs.clear();
  Expander expander(source, scratch);
  expander.run(begin, end, bindings);
  return expander.take(end);
}

long evaluate_index(const Source& source, std::size_t begin, std::size_t end,
                    const Bindings& bindings) {
  return IndexParser(source, begin, end, bindings).parse_all();
}

Range parse_range(const Source& source, std::size_t begin, std::size_t end,
                  const Bindings& bindings) {
  const std::string_view text = source.text;
  std::size_t i = begin;
  while (i < end && text[i] == ' ') ++i;
  const std::size_t name_at = i;
  while (i < end && is_name_char(text[i])) ++i;
  if (i == name_at || !is_name_start(text[name_at])) {
    throw source.error(ErrorKind::Parse, name_at, "expected an index name: for t = 1..T");
  }
  Range range;
  range.name = std::string(text.substr(name_at, i - name_at));
  const std::size_t eq = text.find('=', i);
  const std::size_t dots = text.find("..", i);
  if (eq >= end || dots >= end || dots < eq) {
    throw source.error(ErrorKind::Parse, i, "expected '= FIRST..LAST' after the index name");
  }
  range.first = evaluate_index(source, eq + 1, dots, bindings);
  range.last = evaluate_index(source, dots + 2, end, bindings);
  if (range.last == std::numeric_limits<long>::max()) {  // the loops' ++t would overflow
    throw source.error(ErrorKind::Limit, dots + 2,
                       fmt::format("a range cannot end at {}", range.last));
  }
  long steps = 0;
  if (__builtin_sub_overflow(range.last, range.first, &steps) || steps >= kMaxRange) {
    throw source.error(ErrorKind::Limit, name_at,
                       fmt::format("the range has more than {} steps", kMaxRange));
  }
  return range;
}

std::string element_name(std::string_view base, long index) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, index);
  std::string name;
  name.reserve(base.size() + 1 + static_cast<std::size_t>(end - digits));
  name += base;
  name += '_';
  name.append(digits, end);
  return name;
}

std::size_t Expanded::offset_of(std::size_t pos) const {
  if (pos >= text.size() || runs.empty()) return end;
  auto after = std::upper_bound(runs.begin(), runs.end(), pos,
                                [](std::size_t p, const Run& r) { return p < r.pos; });
  const Run& run = *std::prev(after);
  return run.copied ? run.origin + (pos - run.pos) : run.origin;
}

void Expanded::append(std::string_view s, std::size_t origin) {
  if (s.empty()) return;
  if (s.size() == 1) return push_back(s[0], origin);  // it may continue a copied run
  if (runs.empty() || runs.back().copied || runs.back().origin != origin)
    runs.push_back(Run{text.size(), origin, false});
  text += s;
}

void Expanded::push_back(char c, std::size_t origin) {
  if (!runs.empty()) {
    Run& last = runs.back();
    const std::size_t length = text.size() - last.pos;
    const bool continues = (last.copied || length == 1) && last.origin + length == origin;
    const bool repeats = !last.copied && last.origin == origin;
    if (continues || repeats) {
      last.copied = continues;
      text += c;
      return;
    }
  }
  runs.push_back(Run{text.size(), origin, false});
  text += c;
}

std::optional<Number> read_number(const Source& source, std::size_t at, std::string_view text) {
  try {
    return Number::read_exact(text);
  } catch (const Error& error) {
    throw source.error(error.kind(), at, error.what());
  }
}

}  // namespace leibniz::graph
