#include "leibniz/graph/model_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "leibniz/core/limits.h"
#include "leibniz/core/names.h"
#include "leibniz/expr/functions.h"

namespace leibniz::graph {
namespace {

// One line of the file without its comment and surrounding blanks, or a `for` block.
struct Item {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool loop = false;
  std::size_t range_begin = 0;  // loop: the text after "for"
  std::size_t range_end = 0;
  std::vector<Item> body;
};

class Reader {
 public:
  // Reads model.source into `model`; with `again`, reads it a second time (it was read
  // with Texts::Dropped) and gives each equation's text to `again` instead.
  Reader(ModelFile& model, Texts texts, const EquationTexts* again = nullptr)
      : model_(model), source_(model.source), text_(source_.text), texts_(texts), again_(again) {}

  void run() {
    std::vector<Item*> open;
    Item root;
    std::vector<Item>* current = &root.body;
    std::size_t pos = 0;
    while (pos < text_.size()) {
      std::size_t eol = text_.find('\n', pos);
      if (eol == std::string_view::npos) eol = text_.size();
      std::size_t end = text_.find('#', pos);
      if (end > eol) end = eol;
      std::size_t begin = pos;
      while (begin < end && std::isspace(static_cast<unsigned char>(text_[begin]))) ++begin;
      while (end > begin && std::isspace(static_cast<unsigned char>(text_[end - 1]))) --end;
      pos = eol + 1;
      if (begin == end) continue;
      const std::string_view word = first_word(begin, end);
      if (word == "for" && find_top_level_for(text_, begin + 3, end) == std::string_view::npos) {
        Item loop{begin, end, true, begin + 3, end, {}};
        if (text_[loop.range_end - 1] == ':') --loop.range_end;
        current->push_back(std::move(loop));
        open.push_back(&current->back());
        current = &open.back()->body;
      } else if (word == "end" && end == begin + 3) {
        if (open.empty()) throw source_.error(ErrorKind::Parse, begin, "'end' without 'for'");
        open.pop_back();
        current = open.empty() ? &root.body : &open.back()->body;
      } else {
        current->push_back(Item{begin, end, false, 0, 0, {}});
      }
    }
    if (!open.empty()) {
      throw source_.error(ErrorKind::Parse, open.back()->begin, "'for' without 'end'");
    }
    Bindings bindings;
    items(root.body, bindings);
    // The statements are kept while the graph is built: no room for more.
    if (!again_) model_.statements.shrink_to_fit();
  }

 private:
  std::string_view first_word(std::size_t begin, std::size_t end) const {
    std::size_t i = begin;
    while (i < end && is_name_char(text_[i])) ++i;
    return text_.substr(begin, i - begin);
  }

  std::size_t skip_blanks(std::size_t i, std::size_t end) const {
    while (i < end && (text_[i] == ' ' || text_[i] == '\t')) ++i;
    return i;
  }

  // Runs `step` once for each value of the range, with its index bound to the value: one
  // copy of the bindings for all the steps, made again only when a step added a `const`
  // (each step starts from the bindings outside the loop).
  template <class Step>
  void each(const Range& range, const Bindings& bindings, Step step) {
    Bindings inner = bindings;
    inner[range.name] = range.first;
    const std::size_t size = inner.size();
    for (long v = range.first; v <= range.last; ++v) {
      tick();  // loops nest: the work is the product of their ranges
      if (inner.size() != size) {
        inner = bindings;
        inner[range.name] = v;
      }
      inner.find(range.name)->second = v;
      step(inner);
    }
  }

  // Room for a loop's statements, at least `per_step` a step, before it runs: a list of a
  // million statements grown by doubling held its old copy and the new one at once.
  void reserve(const Range& range, std::size_t per_step) {
    if (range.last < range.first || again_) return;
    const auto steps = static_cast<std::size_t>(range.last - range.first) + 1;
    std::vector<Statement>& list = model_.statements;
    // Past this many, the list grows as it goes (and the time limit stops a runaway loop).
    constexpr std::size_t kMaxReserved = std::size_t{1} << 24;
    if (per_step > kMaxReserved / steps || list.size() > kMaxReserved) return;
    const std::size_t wanted = list.size() + steps * per_step;
    if (wanted > list.capacity())
      list.reserve(std::max(wanted, list.capacity() + list.capacity() / 2));
  }

  void items(const std::vector<Item>& list, Bindings& bindings) {
    for (const Item& item : list) {
      if (!item.loop) {
        statement(item.begin, item.end, bindings);
        continue;
      }
      const Range range = parse_range(source_, item.range_begin, item.range_end, bindings);
      reserve(range, item.body.size());
      each(range, bindings, [&](Bindings& inner) { items(item.body, inner); });
    }
  }

  void statement(std::size_t begin, std::size_t end, Bindings& bindings) {
    if (const std::size_t for_at = find_top_level_for(text_, begin, end);
        for_at != std::string_view::npos) {
      const Range range = parse_range(source_, for_at + 3, end, bindings);
      std::size_t body_end = for_at;
      while (body_end > begin && text_[body_end - 1] == ' ') --body_end;
      // The body's own `for`, if any, is looked for once, not once per step.
      reserve(range, 1);
      if (find_top_level_for(text_, begin, body_end) != std::string_view::npos) {
        each(range, bindings, [&](Bindings& inner) { statement(begin, body_end, inner); });
      } else {
        each(range, bindings, [&](Bindings& inner) { plain_statement(begin, body_end, inner); });
      }
      return;
    }
    plain_statement(begin, end, bindings);
  }

  // A statement without a loop suffix.
  void plain_statement(std::size_t begin, std::size_t end, Bindings& bindings) {
    const std::string_view word = first_word(begin, end);
    const std::size_t after = skip_blanks(begin + word.size(), end);
    if (word == "def" || word == "deriv") {
      if (again_) return;  // read the first time
      return function(word == "deriv", after, end, bindings);
    }
    if (word == "const") return constant(after, end, bindings);
    Role role = Role::Node;
    std::size_t name_at = begin;
    if (word == "param" || word == "input" || word == "target" || word == "loss") {
      role = word == "param"    ? Role::Param
             : word == "input"  ? Role::Input
             : word == "target" ? Role::Target
                                : Role::Loss;
      name_at = after;
    }
    const std::size_t eq = text_.find('=', name_at);
    if (eq >= end) {
      throw source_.error(ErrorKind::Parse, begin,
                          role == Role::Node ? "expected 'NAME = EXPRESSION'"
                                             : fmt::format("expected '{} NAME = ...'", word));
    }
    auto names = declared_names(name_at, eq, bindings);
    const std::size_t value_at = skip_blanks(eq + 1, end);
    if (value_at == end)
      throw source_.error(ErrorKind::Parse, value_at, "expected a value after '='");
    if (role == Role::Node || role == Role::Loss) {
      if (names.size() != 1) {
        throw source_.error(ErrorKind::Parse, name_at,
                            "an equation defines one name; use 'for t = 1..T' for a range");
      }
      Expanded text = expand_text(source_, value_at, end, bindings);
      if (again_) return (*again_)(next_statement_++, std::move(text));
      // Dropped: read again when the graph is built.
      model_.statements.push_back(Statement{
          role, std::move(names[0]), name_at, nullptr,
          texts_ == Texts::Dropped ? nullptr : std::make_unique<Expanded>(std::move(text))});
      return;
    }
    if (again_) {  // declarations: read the first time
      next_statement_ += names.size();
      return;
    }
    values(role, names, name_at, value_at, end);
  }

  // "x", "h[t-1]" or "x[1..T]": the element names declared.
  std::vector<std::string> declared_names(std::size_t begin, std::size_t end,
                                          const Bindings& bindings) {
    std::size_t i = begin;
    while (i < end && is_name_char(text_[i])) ++i;
    const std::string_view base = text_.substr(begin, i - begin);
    if (base.empty() || !is_name_start(base[0])) {
      throw source_.error(ErrorKind::Parse, begin, "expected a name");
    }
    if (is_reserved_name(base)) {
      throw source_.error(ErrorKind::Parse, begin,
                          fmt::format("'{}' is a built-in name and cannot be redefined", base));
    }
    const std::size_t open = skip_blanks(i, end);
    if (open == end) return {std::string(base)};
    const std::size_t close = text_.rfind(']', end - 1);
    if (text_[open] != '[' || close == std::string_view::npos || close < open ||
        skip_blanks(close + 1, end) != end) {
      throw source_.error(ErrorKind::Parse, open, "expected '=' after the name");
    }
    const std::size_t dots = text_.find("..", open);
    std::vector<std::string> names;
    if (dots < close) {
      const long first = evaluate_index(source_, open + 1, dots, bindings);
      const long last = evaluate_index(source_, dots + 2, close, bindings);
      if (first < 0) throw source_.error(ErrorKind::Parse, open + 1, "an index cannot be negative");
      for (long k = first; k <= last; ++k) names.push_back(element_name(base, k));
      if (names.empty()) throw source_.error(ErrorKind::Parse, open + 1, "the range is empty");
      return names;
    }
    const long index = evaluate_index(source_, open + 1, close, bindings);
    if (index < 0) throw source_.error(ErrorKind::Parse, open + 1, "an index cannot be negative");
    return {element_name(base, index)};
  }

  // The comma-separated values of a declaration: one per declared name.
  void values(Role role, const std::vector<std::string>& names, std::size_t name_at,
              std::size_t begin, std::size_t end) {
    std::vector<std::pair<std::size_t, std::size_t>> cells;
    std::size_t start = begin;
    for (std::size_t i = begin; i <= end; ++i) {
      if (i == end || text_[i] == ',') {
        std::size_t a = skip_blanks(start, i);
        std::size_t b = i;
        while (b > a && text_[b - 1] == ' ') --b;
        cells.emplace_back(a, b);
        start = i + 1;
      }
    }
    if (cells.size() != names.size()) {
      throw source_.error(
          ErrorKind::Parse, begin,
          fmt::format("{} value{} given for {} name{}", cells.size(), cells.size() == 1 ? "" : "s",
                      names.size(), names.size() == 1 ? "" : "s"));
    }
    for (std::size_t k = 0; k < names.size(); ++k) {
      const auto [a, b] = cells[k];
      const std::string_view cell = text_.substr(a, b - a);
      const std::optional<Number> value = read_number(source_, a, cell);
      if (!value) throw source_.error(ErrorKind::Parse, a, fmt::format("bad number '{}'", cell));
      model_.statements.push_back(
          Statement{role, names[k], name_at, std::make_unique<Number>(*value), nullptr});
    }
  }

  // def F(a, b) = BODY ; deriv F(t) = BODY
  void function(bool is_deriv, std::size_t begin, std::size_t end, const Bindings& bindings) {
    const char* form =
        is_deriv ? "expected 'deriv F(t) = EXPRESSION'" : "expected 'def F(t) = EXPRESSION'";
    std::size_t i = begin;
    while (i < end && is_name_char(text_[i])) ++i;
    if (i == begin || !is_name_start(text_[begin]))
      throw source_.error(ErrorKind::Parse, begin, form);
    FunctionStatement f;
    f.is_deriv = is_deriv;
    f.name = std::string(text_.substr(begin, i - begin));
    f.name_at = begin;
    if (!is_deriv && is_reserved_name(f.name)) {
      throw source_.error(ErrorKind::Parse, begin,
                          fmt::format("'{}' is a built-in name and cannot be redefined", f.name));
    }
    i = skip_blanks(i, end);
    if (i == end || text_[i] != '(') throw source_.error(ErrorKind::Parse, i, form);
    const std::size_t close = text_.find(')', i);
    if (close >= end) throw source_.error(ErrorKind::Parse, i, "expected ')' after the arguments");
    std::size_t start = i + 1;
    for (std::size_t k = i + 1; k <= close; ++k) {
      if (text_[k] != ',' && k != close) continue;
      const std::size_t a = skip_blanks(start, k);
      std::size_t b = a;
      while (b < k && is_name_char(text_[b])) ++b;
      if (b == a || !is_name_start(text_[a]) || skip_blanks(b, k) != k) {
        throw source_.error(ErrorKind::Parse, a, "expected an argument name");
      }
      f.params.emplace_back(text_.substr(a, b - a));
      start = k + 1;
    }
    const std::size_t eq = skip_blanks(close + 1, end);
    if (eq == end || text_[eq] != '=') throw source_.error(ErrorKind::Parse, eq, form);
    const std::size_t body = skip_blanks(eq + 1, end);
    if (body == end) throw source_.error(ErrorKind::Parse, body, "expected a value after '='");
    f.body = expand_text(source_, body, end, bindings);
    model_.functions.push_back(std::move(f));
  }

  // const T = 2: an index constant for ranges and indices.
  void constant(std::size_t begin, std::size_t end, Bindings& bindings) {
    std::size_t i = begin;
    while (i < end && is_name_char(text_[i])) ++i;
    const std::size_t eq = skip_blanks(i, end);
    if (i == begin || !is_name_start(text_[begin]) || eq == end || text_[eq] != '=') {
      throw source_.error(ErrorKind::Parse, begin, "expected 'const NAME = INTEGER'");
    }
    const std::string name(text_.substr(begin, i - begin));
    if (bindings.count(name) != 0) {
      throw source_.error(ErrorKind::Parse, begin, fmt::format("'{}' is already defined", name));
    }
    bindings[name] = evaluate_index(source_, eq + 1, end, bindings);
  }

  ModelFile& model_;
  const Source& source_;
  std::string_view text_;
  Texts texts_;
  const EquationTexts* again_;
  std::size_t next_statement_ = 0;  // reading again: the index of the next statement
};

}  // namespace

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Param: return "param";
    case Role::Input: return "input";
    case Role::Target: return "target";
    case Role::Node: return "node";
    case Role::Loss: return "loss";
  }
  return "node";
}

ModelFile parse_model_file(Source source, Texts texts) {
  ModelFile model;
  model.source = std::move(source);
  model.texts = texts;
  Reader(model, texts).run();
  return model;
}

void read_equation_texts(ModelFile& model, const EquationTexts& each) {
  Reader(model, Texts::Dropped, &each).run();
}

}  // namespace leibniz::graph
