#include "leibniz/app/predict_request.h"

#include <fmt/format.h>

#include <cmath>

namespace leibniz::app {
namespace {

class PredictionResult : public Result {
 public:
  explicit PredictionResult(nn::Predictions p) : p_(std::move(p)) {}

  Answer json() const override {
    const bool classify = p_.task == nn::Task::Classify;
    Answer rows = Answer::array();
    for (std::int64_t r = 0; r < p_.rows; ++r) {
      const auto i = static_cast<std::size_t>(r);
      if (classify) {
        rows.push_back({{"class", p_.classes[i]}, {"probabilities", p_.probabilities[i]}});
      } else {
        rows.push_back(p_.values[i]);
      }
    }
    Answer j{{"ok", true},
             {"task", classify ? "classify" : "regress"},
             {"rows", p_.rows},
             {"predictions", rows}};
    if (p_.accuracy) j["accuracy"] = *p_.accuracy;
    if (p_.mse) j["mse"] = *p_.mse;
    return j;
  }

  // Numbers in every notation.
  std::string text(Notation) const override {
    std::string out;
    for (std::int64_t r = 0; r < p_.rows; ++r) {
      const auto i = static_cast<std::size_t>(r);
      out += p_.task == nn::Task::Classify ? fmt::format("{}\n", p_.classes[i])
                                           : fmt::format("{:.6g}\n", p_.values[i]);
    }
    if (p_.accuracy) {
      const auto right = static_cast<std::int64_t>(std::llround(*p_.accuracy * p_.rows));
      out += fmt::format("accuracy {:.4f} ({} of {} rows)\n", *p_.accuracy, right, p_.rows);
    }
    if (p_.mse) out += fmt::format("mse {:.6g} over {} rows\n", *p_.mse, p_.rows);
    return out;
  }

 private:
  nn::Predictions p_;
};

}  // namespace

std::unique_ptr<Result> run_predict(const nn::PredictConfig& config) {
  return std::make_unique<PredictionResult>(nn::predict(config));
}

}  // namespace leibniz::app
