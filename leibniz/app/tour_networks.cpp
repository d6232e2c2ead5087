#include "leibniz/app/tour_networks.h"

#include <fmt/format.h>

#include <memory>
#include <ostream>
#include <vector>

#include "leibniz/app/lecture_notes.h"
#include "leibniz/core/number.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "leibniz/graph/backprop.h"
#include "leibniz/graph/format.h"
#include "leibniz/graph/overrides.h"

namespace leibniz::app {
namespace {

class NetworkTour {
 public:
  explicit NetworkTour(std::ostream& out) : out_(out) {}

  bool run() {
    out_ << "\nBackpropagation through networks written as equations (leibniz backprop "
            "examples/*.lz)\n";
    two_sigmoids();
    three_neurons();
    recurrent();
    return ok_;
  }

 private:
  struct Network {
    graph::Graph graph;
    graph::Assignment leaves;
    graph::Evaluation at;
    std::unique_ptr<graph::NumericGraph> numeric;

    // The notes' network `id` (lecture_notes.h), as its model file reads.
    Network(const char* id, bool use_overrides)
        : graph(graph::build_graph(
              graph::parse_model_file(graph::Source{lecture::network(id).file,
                                                    std::string(lecture::network(id).model())}),
              graph::BuildOptions{use_overrides})),
          leaves(graph::initial_assignment(graph)) {
      at = graph::evaluate(graph, leaves, nullptr, numeric);
    }
    graph::NodeId id(const char* name) const { return *graph.find(name); }
    Expr value(const char* name) const { return at.passes.front().value(id(name)); }
    Expr gradient(const char* name) const { return at.gradient[id(name)]; }
  };

  // A claim is the notes' decimal ("0.4875") or the answer key's formula ("-6*ln(3)").
  static Expr claimed(const char* claim) {
    if (auto n = Number::read_exact(claim)) return number(*n);
    return parse_text(claim);
  }

  void check(const std::string& label, const Expr& value, const char* claim, const char* source) {
    const bool agrees = value == claimed(claim);
    ok_ &= agrees;
    out_ << fmt::format("  {:<28} = {:<26} {} {}  {}\n", label, graph::format_value(value), source,
                        claim, agrees ? "✓" : "✗ disagrees");
  }

  void two_sigmoids() {
    out_ << "\nNetwork 1: ŷ = σ(x + w2·σ(w1·x + b1)), L = (ŷ − y)², at x = 1, y = 1, w1 = 0.5, "
            "w2 = −2, b1 = −0.5\n";
    const Network n("two_sigmoids", true);
    check("o1 = σ(w1·x + b1)", n.value("o1"), "0.5", "notes:");
    check("o = x + w2·o1", n.value("o"), "0", "notes:");
    check("ŷ = σ(o)", n.value("yhat"), "0.5", "notes:");
    check("L = (ŷ − y)²", n.value("L"), "0.25", "notes:");
    check("∂L/∂ŷ = 2(ŷ − y)", n.at.passes.front().gradient(n.id("yhat")), "-1", "key:");
    check("∂L/∂o = ∂L/∂ŷ·σ'(o)", n.at.passes.front().gradient(n.id("o")), "-0.25", "key:");
    check("∂L/∂w2 = ∂L/∂o·o1", n.gradient("w2"), "-0.125", "key:");
    check("∂L/∂b1 = ∂L/∂o·w2·σ'(…)", n.gradient("b1"), "0.125", "key:");
    check("∂L/∂w1 = ∂L/∂o·w2·σ'(…)·x", n.gradient("w1"), "0.125", "key:");
    check("∂L/∂x", n.gradient("x"), "-0.1875", "key:");
    const std::vector<Expr> updated =
        graph::descend(n.graph, n.leaves, n.at, Number::rational(1, 10));
    check("w1 − 0.1·∂L/∂w1", updated[n.id("w1")], "0.4875", "notes:");
    check("b1 − 0.1·∂L/∂b1", updated[n.id("b1")], "-0.5125", "notes:");
    check("w2 − 0.1·∂L/∂w2", updated[n.id("w2")], "-1.9875", "notes:");
  }

  void three_neurons() {
    out_ << "\nNetwork 2: neurons P1, P2, P3 with ψ(t) = 1/(1 + 3^(−t)), z2 = (w21·z1 + b2)², "
            "z3 = (w31·z1 + b3)²,\n  C = ½‖(z2, z3) − y‖², at x = (−1, 3), y = (3, 8), "
            "θ = (w11, w12, w21, w31, b1, b2, b3) = (1, 1, 2, 4, −1, 0.5, 0)\n";
    const Network notes("three_neurons", true);
    check("t1", notes.value("t1"), "1", "key:");
    check("z1 = ψ(t1)", notes.value("z1"), "0.75", "key:");
    check("z2", notes.value("z2"), "4", "key:");
    check("z3", notes.value("z3"), "9", "key:");
    check("C", notes.value("C"), "1", "key:");
    const char* names[] = {"w11", "w12", "w21", "w31", "b1", "b2", "b3"};
    out_ << "  with the notes' ψ'(t) ≈ ψ(t)(1 − ψ(t)):\n";
    const char* approximate[] = {"-6", "18", "3", "4.5", "6", "4", "6"};
    const char* stepped[] = {"1.6", "-0.8", "1.7", "3.55", "-1.6", "0.1", "-0.6"};
    const std::vector<Expr> updated =
        graph::descend(notes.graph, notes.leaves, notes.at, Number::rational(1, 10));
    for (std::size_t k = 0; k < 7; ++k) {
      check(fmt::format("∂C/∂{}", names[k]), notes.gradient(names[k]), approximate[k], "notes:");
    }
    for (std::size_t k = 0; k < 7; ++k) {
      check(fmt::format("{} − 0.1·∂C/∂{}", names[k], names[k]), updated[notes.id(names[k])],
            stepped[k], "notes:");
    }
    for (const graph::OverrideCheck& c :
         graph::check_overrides(notes.graph, notes.at.passes.front())) {
      out_ << fmt::format(
          "  the approximation is not the derivative: at t1 = 1 it gives {}, "
          "the true ψ'(1) is {}\n",
          graph::format_value(c.used), graph::format_value(c.exact));
    }
    out_ << "  with the exact derivative ψ'(t) = ln(3)·ψ(t)(1 − ψ(t)):\n";
    const Network exact("three_neurons", false);
    const char* key[] = {"-6*ln(3)", "18*ln(3)", "3", "4.5", "6*ln(3)", "4", "6"};
    for (std::size_t k = 0; k < 7; ++k) {
      check(fmt::format("∂C/∂{}", names[k]), exact.gradient(names[k]), key[k], "key:");
    }
    // Part b: the second point's gradient is given, not its data.
    out_ << "  part b: the mean with a second point's given gradient (6, 2, 1, 5.5, 10, −4, 2):\n";
    const char* second[] = {"6", "2", "1", "5.5", "10", "-4", "2"};
    const char* mean[] = {"0", "10", "2", "5", "8", "0", "4"};
    const char* after[] = {"1", "0", "1.8", "3.5", "-1.8", "0.5", "-0.4"};
    for (std::size_t k = 0; k < 7; ++k) {
      const Expr average = rational(1, 2) * (notes.gradient(names[k]) + claimed(second[k]));
      check(fmt::format("mean ∂C/∂{}", names[k]), average, mean[k], "notes:");
      const graph::NodeId id = notes.id(names[k]);
      check(fmt::format("{} − 0.1·mean", names[k]),
            number(notes.leaves[id]) - rational(1, 10) * average, after[k], "notes:");
    }
  }

  void recurrent() {
    out_ << "\nNetwork 3: the recurrent cell s_t = h_{t−1} + x_t, o_t = s_t·w, h_t = ŷ_t = o_t + "
            "h_{t−1},\n  L = Σ_t (ŷ_t − y_t)², w shared, at w = 0.5, h_0 = 0, x = (1, 2), "
            "y = (1, 3) (the answer key's numbers)\n";
    const Network n("recurrent", true);
    check("h_1", n.value("h_1"), "0.5", "key:");
    check("h_2", n.value("h_2"), "1.75", "key:");
    check("L", n.value("L"), "29/16", "key:");
    check("∂L/∂w = Σ_t s_t·∂L/∂o_t", n.gradient("w"), "-11", "key:");
    check("∂L/∂h_0", n.gradient("h_0"), "-57/8", "key:");
    check("∂L/∂x_1", n.gradient("x_1"), "-19/8", "key:");
    check("∂L/∂x_2", n.gradient("x_2"), "-1.25", "key:");
    // The notes' closing update uses ∂L/∂h_{t−1} = 2(ŷ_t − y_t).
    const graph::Pass& pass = n.at.passes.front();
    for (const auto& [previous, t] : {std::pair{"h_0", "1"}, std::pair{"h_1", "2"}}) {
      const Expr yhat = n.value(fmt::format("h_{}", t).c_str());
      const Expr y = number(n.leaves[n.id(fmt::format("y_{}", t).c_str())]);
      const Expr notes_claim = integer(2) * (yhat - y);
      const Expr truth = pass.gradient(n.id(previous));
      const bool wrong = !(notes_claim == truth);
      out_ << fmt::format(
          "  erratum: the notes update {} with 2(ŷ_{} − y_{}) = {}; the full "
          "∂L/∂{} = ∂L/∂o_{} + ∂L/∂s_{} is {}  {}\n",
          previous, t, t, graph::format_value(notes_claim), previous, t, t,
          graph::format_value(truth),
          wrong ? "✗ (the notes drop the terms through s_t and later steps)" : "");
    }
  }

  std::ostream& out_;
  bool ok_ = true;
};

}  // namespace

bool run_network_tour(std::ostream& out) { return NetworkTour(out).run(); }

}  // namespace leibniz::app
