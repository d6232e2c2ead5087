#include "leibniz/app/answers.h"

#include <cmath>

#include "leibniz/app/batch_write.h"
#include "leibniz/expr/print.h"

namespace leibniz::app {
namespace {

std::pair<Answer, Answer> printed(const std::vector<Expr>& list) {
  Answer texts = Answer::array(), latex = Answer::array();
  for (const Expr& e : list) {
    auto [text, tex] = print_text_and_latex(e);
    texts.push_back(std::move(text));
    latex.push_back(std::move(tex));
  }
  return {texts, latex};
}

std::pair<Answer, Answer> printed(const std::vector<std::vector<Expr>>& rows) {
  Answer texts = Answer::array(), latex = Answer::array();
  for (const auto& row : rows) {
    auto [row_texts, row_latex] = printed(row);
    texts.push_back(row_texts);
    latex.push_back(row_latex);
  }
  return {texts, latex};
}

}  // namespace

Answer expr_answer(const Expr& e) {
  // Member by member, the printed texts moved in: an initializer list copies each value.
  Answer answer = Answer::object();
  answer.get_ref<Answer::object_t&>().reserve(3);  // grown one by one, it moved them twice
  answer["ok"] = true;
  auto [text, latex] = print_text_and_latex(e);
  answer["result"] = std::move(text);
  answer["latex"] = std::move(latex);
  return answer;
}

void append_expr_answer_members(const Expr& e, std::string& out) {
  const auto [text, latex] = print_text_and_latex(e);
  out += "\"ok\":true,\"result\":";
  append_json_string(text, out);
  out += ",\"latex\":";
  append_json_string(latex, out);
}

Answer grad_answer(const std::vector<Expr>& gradient, const std::vector<std::string>& wrt) {
  auto [texts, latex] = printed(gradient);
  Answer by_name = Answer::object();
  for (std::size_t i = 0; i < gradient.size() && i < wrt.size(); ++i) by_name[wrt[i]] = texts[i];
  return {{"ok", true}, {"result", texts}, {"latex", latex}, {"gradient", by_name}};
}

Answer jacobian_answer(const std::vector<Expr>& functions, const std::vector<std::string>& wrt,
                       const std::vector<std::vector<Expr>>& rows) {
  auto [texts, latex] = printed(rows);
  return {{"ok", true},       {"result", texts},
          {"latex", latex},   {"functions", printed(functions).first},
          {"variables", wrt}, {"jacobian", texts}};
}

Answer hessian_answer(const std::vector<std::string>& wrt,
                      const std::vector<std::vector<Expr>>& rows) {
  auto [texts, latex] = printed(rows);
  return {
      {"ok", true}, {"result", texts}, {"latex", latex}, {"variables", wrt}, {"hessian", texts}};
}

Answer eval_answer(const Evaluation& evaluation) {
  return {{"ok", true}, {"result", evaluation.text()}, {"value", evaluation.value}};
}

Answer definite_answer(const DefiniteIntegral& integral) {
  Answer answer{{"ok", true}};
  if (!integral.exact.is_null()) {
    answer = expr_answer(integral.exact);
    answer["antiderivative"] = print_text(integral.antiderivative);
  }
  // Symbolic bounds give a formula and no number.
  answer["value"] = std::isnan(integral.value) ? Answer(nullptr) : Answer(integral.value);
  answer["error_estimate"] = integral.error;
  answer["converged"] = integral.converged;
  answer["method"] = integral.method;
  return answer;
}

}  // namespace leibniz::app
