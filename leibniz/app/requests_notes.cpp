// The request "notes": the lecture notes' rules with their examples, the rows of the
// derivative and integral tables, the derivations written line by line, and the three
// networks, from their one home (lecture_notes.h). Each example comes as the request that
// computes it (spec §3), so that every door can run it: the page's presets are these.
#include <fmt/format.h>

#include "leibniz/app/lecture_notes.h"
#include "leibniz/app/request_families.h"
#include "leibniz/app/request_fields.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz::app {
namespace {

using nlohmann::json;

// A derivative request; the undefined functions of f (g(x, y)) declared.
Answer diff_request(const char* f, const char* wrt) {
  Answer request{{"op", "diff"}, {"expr", f}, {"wrt", json::array({wrt})}};
  const std::vector<std::string> functions = undefined_function_names(parse_text(f));
  if (!functions.empty()) request["functions"] = functions;
  return request;
}

// A preset: what it is called, the request that computes it, and the answer key's result
// or the notes' claim.
Answer preset(std::string label, Answer request, const char* erratum) {
  Answer item{{"label", std::move(label)}, {"request", std::move(request)}};
  if (*erratum != '\0') item["erratum"] = erratum;
  return item;
}

Answer example_preset(const lecture::Example& e, const char* erratum = "") {
  Answer item =
      preset(fmt::format("{} = {}, ∂{}/∂{}", e.name, lecture::as_written(e.f), e.name, e.wrt),
             diff_request(e.f, e.wrt), erratum);
  item["answer"] = e.answer;
  return item;
}

Answer rule_json(const lecture::Rule& rule) {
  Answer examples = Answer::array();
  for (const lecture::Example& e : rule.examples) examples.push_back(example_preset(e));
  // The derivations' functions, worked by this rule: the erratum says where the notes slip.
  for (const lecture::Derivation& d : lecture::derivations()) {
    if (*d.f == '\0' || std::string_view(d.rule) != rule.title) continue;
    examples.push_back(example_preset({"f", d.f, d.wrt, d.answer}, d.erratum));
  }
  Answer general = preset(fmt::format("in general: {}", print_unicode(parse_text(rule.general.f))),
                          diff_request(rule.general.f, rule.general.wrt), "");
  general["answer"] = rule.general.answer;
  examples.push_back(std::move(general));
  return {{"title", rule.title},
          {"rule", rule.unicode},
          {"latex", rule.latex},
          {"examples", std::move(examples)}};
}

Answer derivative_table_json() {
  Answer rows = Answer::array();
  for (const lecture::DerivativeRow& row : lecture::derivative_table()) {
    Answer item = preset(fmt::format("d/dx {}", row.f), diff_request(row.f, "x"), row.erratum);
    item["notes"] = row.notes;
    item["notes_latex"] = print_latex(parse_text(row.notes));
    rows.push_back(std::move(item));
  }
  return {{"title", "The derivative table"}, {"latex", "\\frac{d}{dx}"}, {"rows", std::move(rows)}};
}

Answer integral_table_json() {
  Answer rows = Answer::array();
  for (const lecture::IntegralRow& row : lecture::integral_table()) {
    Answer item = preset(fmt::format("∫ {} dx", row.integrand),
                         {{"op", "integrate"}, {"expr", row.integrand}, {"wrt", "x"}}, row.erratum);
    item["notes"] = row.notes;
    item["notes_latex"] = print_latex(parse_text(row.notes)) + " + C";
    rows.push_back(std::move(item));
  }
  return {{"title", "The integral table"}, {"latex", "\\int"}, {"rows", std::move(rows)}};
}

Answer derivation_json(const lecture::Derivation& d) {
  const bool against = *d.f != '\0';
  Answer request{{"op", "check"}, {"expr", d.lines}, {"syntax", "latex"}};
  if (against) {
    request["derivative_of"] = d.f;
    request["wrt"] = json::array({d.wrt});
  }
  Answer item = preset(d.label, std::move(request), d.erratum);
  item["lines"] = d.lines;
  return item;
}

Answer network_json(const lecture::Network& n) {
  Answer item{{"id", n.id},
              {"label", n.label},
              {"file", n.file},
              {"lr", n.lr},
              {"model", std::string(n.model())}};
  if (*n.erratum != '\0') item["erratum"] = n.erratum;
  return item;
}

class NotesResult : public Result {
 public:
  Answer json() const override {
    Answer answer{{"ok", true}};
    for (const lecture::Rule& rule : lecture::rules()) answer["rules"].push_back(rule_json(rule));
    answer["tables"] = {derivative_table_json(), integral_table_json()};
    for (const lecture::Derivation& d : lecture::derivations())
      answer["derivations"].push_back(derivation_json(d));
    for (const lecture::Network& n : lecture::networks())
      answer["networks"].push_back(network_json(n));
    const lecture::Derivation& worked =
        lecture::derivations().front();  // the notes' worked product rule
    answer["opening"] = diff_request(worked.f, worked.wrt);
    answer["opening"]["steps"] = true;
    return answer;
  }

  // Each preset with the request that computes it, one JSON line (as batch mode reads it).
  std::string text(Notation) const override {
    const Answer all = json();
    std::string out;
    auto items = [&out](const Answer& list) {
      for (const Answer& item : list) {
        out += fmt::format("  {}: {}\n", item["label"].get<std::string>(), item["request"].dump());
        if (item.contains("erratum")) {
          out += fmt::format("    erratum: {}\n", item["erratum"].get<std::string>());
        }
      }
    };
    int number = 0;
    for (const Answer& rule : all["rules"]) {
      out += fmt::format("{}. {}: {}\n", ++number, rule["title"].get<std::string>(),
                         rule["rule"].get<std::string>());
      items(rule["examples"]);
    }
    for (const Answer& table : all["tables"]) {
      out += table["title"].get<std::string>() + "\n";
      items(table["rows"]);
    }
    out += "The derivations the notes write line by line\n";
    items(all["derivations"]);
    out += "The networks (leibniz backprop examples/FILE --lr RATE)\n";
    for (const Answer& n : all["networks"]) {
      out += fmt::format("  {}: examples/{}, lr {}\n", n["label"].get<std::string>(),
                         n["file"].get<std::string>(), n["lr"].get<std::string>());
    }
    return out;
  }
};

std::unique_ptr<Result> notes_request(const Fields&) { return std::make_unique<NotesResult>(); }

}  // namespace

std::vector<RequestRow> notes_requests() {
  return {{"notes",
           "the lecture notes' examples, table rows, derivations and networks, each as the "
           "request that computes it",
           {},
           notes_request}};
}

}  // namespace leibniz::app
