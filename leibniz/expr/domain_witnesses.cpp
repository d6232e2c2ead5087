#include "leibniz/expr/domain_witnesses.h"

#include <algorithm>

namespace leibniz {

[[gnu::tls_model("initial-exec")]] thread_local DomainWitnesses* DomainWitnesses::active_ = nullptr;

DomainWitnesses::DomainWitnesses() : outer_(active_) { active_ = this; }

DomainWitnesses::~DomainWitnesses() { active_ = outer_; }

void DomainWitnesses::add(const Expr& node) {
  // A claim is short: a linear search keeps the order and costs nothing measurable.
  constexpr std::size_t kMaxWitnesses = 4096;
  if (list_.size() < kMaxWitnesses && std::find(list_.begin(), list_.end(), node) == list_.end()) {
    list_.push_back(node);
  }
}

}  // namespace leibniz
