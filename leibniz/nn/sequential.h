// Sequential: layers applied one after another; parameter names are "<index>.<name>".
#pragma once

#include <memory>

#include "leibniz/nn/module.h"

namespace leibniz::nn {

class Sequential : public Module {
 public:
  Sequential() = default;
  /// Appends a layer; returns *this for chaining.
  Sequential& add(std::unique_ptr<Module> layer);
  Tensor forward(const Tensor& x) override;
  std::vector<std::pair<std::string, Tensor>> named_parameters() const override;
  std::string describe() const override;
  std::size_t size() const { return layers_.size(); }
  Module& operator[](std::size_t i) { return *layers_[i]; }

 private:
  std::vector<std::unique_ptr<Module>> layers_;
};

}  // namespace leibniz::nn
