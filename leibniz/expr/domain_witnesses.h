// What an input needs to be defined, as written. The builders fold as they build:
// sqrt(x)^2/x is 1 and 0*ln(x) is 0, so the value of a claim's side no longer shows
// that it is undefined for x < 0. While a DomainWitnesses lives on a thread, the builders
// record each power and function node they make (x^(1/2), x^-1, ln(x)); `check` evaluates
// them beside the side's value and counts the side undefined where one of them is
// (docs/checking.md). Work derived from the input (a derivative, an antiderivative
// inside LaTeX) is not the input as written: it runs under a Pause.
#pragma once

#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

class DomainWitnesses {
 public:
  DomainWitnesses();
  ~DomainWitnesses();
  DomainWitnesses(const DomainWitnesses&) = delete;
  DomainWitnesses& operator=(const DomainWitnesses&) = delete;

  /// The nodes recorded, each once, in the order made.
  const std::vector<Expr>& list() const { return list_; }

  /// Records a node made by a builder, when a recorder is active on this thread.
  static void record(const Expr& node) {
    if (active_ != nullptr) active_->add(node);
  }

  /// Stops recording for its scope.
  class Pause {
   public:
    Pause() : saved_(active_) { active_ = nullptr; }
    ~Pause() { active_ = saved_; }
    Pause(const Pause&) = delete;
    Pause& operator=(const Pause&) = delete;

   private:
    DomainWitnesses* saved_;
  };

 private:
  void add(const Expr& node);

  // Initial-exec: every diff and simplify pauses the recorder, and in the dlopened Python
  // module the default model calls __tls_get_addr on each use; a pointer fits the static
  // TLS kept for such modules.
  [[gnu::tls_model("initial-exec")]] static thread_local DomainWitnesses* active_;
  std::vector<Expr> list_;
  DomainWitnesses* outer_;
};

}  // namespace leibniz
