#include "leibniz/nn/sequential.h"

namespace leibniz::nn {

Sequential& Sequential::add(std::unique_ptr<Module> layer) {
  layers_.push_back(std::move(layer));
  return *this;
}

Tensor Sequential::forward(const Tensor& x) {
  Tensor h = x;
  for (auto& layer : layers_) h = layer->forward(h);
  return h;
}

std::vector<std::pair<std::string, Tensor>> Sequential::named_parameters() const {
  std::vector<std::pair<std::string, Tensor>> out;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    for (auto& [name, t] : layers_[i]->named_parameters())
      out.emplace_back(std::to_string(i) + "." + name, t);
  }
  return out;
}

std::string Sequential::describe() const {
  std::string s = "Sequential(";
  for (std::size_t i = 0; i < layers_.size(); ++i) s += (i ? ", " : "") + layers_[i]->describe();
  return s + ")";
}

}  // namespace leibniz::nn
