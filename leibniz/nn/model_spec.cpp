#include "leibniz/nn/model_spec.h"

#include <fmt/format.h>

#include "leibniz/core/error.h"
#include "leibniz/nn/linear.h"
#include "leibniz/nn/rnn.h"

namespace leibniz::nn {

ModelKind parse_model_kind(const std::string& name) {
  if (name == "mlp") return ModelKind::Mlp;
  if (name == "rnn") return ModelKind::Rnn;
  if (name == "lstm") return ModelKind::Lstm;
  throw Error(ErrorKind::Request,
              fmt::format("unknown model '{}' (expected mlp, rnn or lstm)", name));
}

std::string model_kind_name(ModelKind kind) {
  switch (kind) {
    case ModelKind::Mlp: return "mlp";
    case ModelKind::Rnn: return "rnn";
    case ModelKind::Lstm: return "lstm";
  }
  return "mlp";
}

std::unique_ptr<Sequential> ModelSpec::build(tensor::Generator& gen) const {
  auto net = std::make_unique<Sequential>();
  // He initialisation suits ReLU; Xavier suits the saturating activations.
  Init init = activation == ActivationKind::Relu || activation == ActivationKind::Gelu
                  ? Init::He
                  : Init::Xavier;
  std::int64_t width = inputs;
  if (kind == ModelKind::Mlp) {
    for (std::int64_t h : hidden) {
      net->add(std::make_unique<Linear>(width, h, gen, init, dtype));
      net->add(std::make_unique<Activation>(activation));
      width = h;
    }
  } else {
    if (hidden.size() != 1)
      throw Error(ErrorKind::Request, "a recurrent model takes one hidden size");
    if (step_inputs < 1 || inputs % step_inputs != 0) {
      throw Error(ErrorKind::Request, fmt::format("{} features do not split into time steps of {}",
                                                  inputs, step_inputs));
    }
    std::unique_ptr<Module> cell;
    if (kind == ModelKind::Rnn) {
      cell = std::make_unique<Rnn>(step_inputs, hidden[0], gen, dtype);
    } else {
      cell = std::make_unique<Lstm>(step_inputs, hidden[0], gen, dtype);
    }
    net->add(std::make_unique<SequenceLast>(std::move(cell), step_inputs));
    width = hidden[0];
  }
  net->add(std::make_unique<Linear>(width, outputs, gen, Init::Xavier, dtype));
  return net;
}

std::map<std::string, std::string> ModelSpec::to_metadata() const {
  std::string h;
  for (std::size_t i = 0; i < hidden.size(); ++i) {
    if (i > 0) h += ',';
    h += std::to_string(hidden[i]);
  }
  return {{"model", model_kind_name(kind)},
          {"inputs", std::to_string(inputs)},
          {"hidden", h},
          {"outputs", std::to_string(outputs)},
          {"activation", std::string(activation_name(activation))},
          {"step_inputs", std::to_string(step_inputs)},
          {"dtype", std::string(tensor::dtype_name(dtype))}};
}

ModelSpec ModelSpec::from_metadata(const std::map<std::string, std::string>& metadata,
                                   const std::string& source) {
  auto get = [&](const std::string& key) -> const std::string& {
    auto it = metadata.find(key);
    if (it == metadata.end()) {
      throw Error(ErrorKind::Request,
                  fmt::format("{}: not a leibniz model (no '{}' in its metadata)", source, key));
    }
    return it->second;
  };
  auto number = [&](const std::string& key, const std::string& text) {
    try {
      std::size_t used = 0;
      std::int64_t v = std::stoll(text, &used);
      if (used == text.size() && v >= 0) return v;
    } catch (const std::exception&) {
    }
    throw Error(ErrorKind::Request,
                fmt::format("{}: metadata '{}' is not a count: '{}'", source, key, text));
  };
  ModelSpec s;
  s.kind = parse_model_kind(get("model"));
  s.inputs = number("inputs", get("inputs"));
  s.outputs = number("outputs", get("outputs"));
  s.activation = parse_activation(get("activation"));
  s.step_inputs = number("step_inputs", get("step_inputs"));
  s.dtype = get("dtype") == "float64" ? tensor::DType::F64 : tensor::DType::F32;
  const std::string& h = get("hidden");
  std::size_t start = 0;
  while (start < h.size()) {
    std::size_t comma = h.find(',', start);
    if (comma == std::string::npos) comma = h.size();
    s.hidden.push_back(number("hidden", h.substr(start, comma - start)));
    start = comma + 1;
  }
  return s;
}

}  // namespace leibniz::nn
