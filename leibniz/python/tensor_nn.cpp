// leibniz.nn (layers, activations, losses) and leibniz.optim (SGD, Adam): the C++ modules
// and optimizers, held by shared pointers so that Python and a Sequential can share a layer.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/nn/activation.h"
#include "leibniz/nn/linear.h"
#include "leibniz/nn/loss.h"
#include "leibniz/optim/adam.h"
#include "leibniz/optim/sgd.h"
#include "leibniz/python/tensor_bindings.h"
#include "leibniz/python/tensor_numpy.h"
#include "leibniz/tensor/ops_softmax.h"

namespace py = pybind11;

namespace leibniz::python {
namespace {

using tensor::Tensor;

// nn.Sequential: layers Python made, applied in turn; parameters named "<index>.<name>"
// like the C++ Sequential of a trained model.
class LayerSequence : public nn::Module {
 public:
  explicit LayerSequence(std::vector<std::shared_ptr<nn::Module>> layers)
      : layers_(std::move(layers)) {}

  Tensor forward(const Tensor& x) override {
    Tensor h = x;
    for (auto& layer : layers_) h = layer->forward(h);
    return h;
  }

  std::vector<std::pair<std::string, Tensor>> named_parameters() const override {
    std::vector<std::pair<std::string, Tensor>> out;
    for (std::size_t i = 0; i < layers_.size(); ++i) {
      for (auto& [name, t] : layers_[i]->named_parameters()) {
        out.emplace_back(std::to_string(i) + "." + name, t);
      }
    }
    return out;
  }

  std::string describe() const override {
    std::string out = "Sequential(";
    for (std::size_t i = 0; i < layers_.size(); ++i) {
      if (i > 0) out += ", ";
      out += layers_[i]->describe();
    }
    return out + ")";
  }

  const std::vector<std::shared_ptr<nn::Module>>& layers() const { return layers_; }

 private:
  std::vector<std::shared_ptr<nn::Module>> layers_;
};

nn::Init init_of(const std::string& name) {
  if (name == "xavier") return nn::Init::Xavier;
  if (name == "he") return nn::Init::He;
  throw Error(ErrorKind::Request, "unknown initialisation '" + name + "' (expected xavier or he)");
}

void bind_layers(py::module_& nn_module) {
  using ModulePtr = std::shared_ptr<nn::Module>;
  py::class_<nn::Module, ModulePtr>(nn_module, "Module", "A layer or a network of layers.")
      .def("forward", &nn::Module::forward)
      .def("__call__", &nn::Module::forward)
      .def("parameters", &nn::Module::parameters,
           "The trainable tensors (shared: an optimizer given them updates this module).")
      .def("named_parameters", &nn::Module::named_parameters)
      .def("zero_grad", &nn::Module::zero_grad)
      .def("parameter_count", &nn::Module::parameter_count)
      .def("__repr__", &nn::Module::describe);

  py::class_<nn::Linear, nn::Module, std::shared_ptr<nn::Linear>>(
      nn_module, "Linear", "y = x W^T + b, W of shape (out, in) as in PyTorch.")
      .def(py::init([](std::int64_t in, std::int64_t out, tensor::Generator& gen,
                       const std::string& init, const py::object& dtype) {
             return std::make_shared<nn::Linear>(in, out, gen, init_of(init), tensor_dtype(dtype));
           }),
           py::arg("in_features"), py::arg("out_features"), py::arg("generator"), py::kw_only(),
           py::arg("init") = "xavier", py::arg("dtype") = "float32")
      .def_readonly("weight", &nn::Linear::weight)
      .def_readonly("bias", &nn::Linear::bias);

  py::class_<nn::Activation, nn::Module, std::shared_ptr<nn::Activation>>(
      nn_module, "Activation",
      "An element-wise function as a layer: relu, tanh, sigmoid, gelu "
      "or softplus.")
      .def(py::init([](const std::string& name) {
             return std::make_shared<nn::Activation>(nn::parse_activation(name));
           }),
           py::arg("name"));

  py::class_<LayerSequence, nn::Module, std::shared_ptr<LayerSequence>>(
      nn_module, "Sequential", "Layers applied one after another.")
      .def(py::init([](const py::args& layers) {
        std::vector<ModulePtr> modules;
        for (const auto& layer : layers) {
          if (!py::isinstance<nn::Module>(layer)) {
            throw py::type_error("Sequential takes layers (leibniz.nn modules), not " +
                                 py::str(py::type::of(layer)).cast<std::string>());
          }
          modules.push_back(layer.cast<ModulePtr>());
        }
        return std::make_shared<LayerSequence>(std::move(modules));
      }))
      .def("__len__", [](const LayerSequence& s) { return s.layers().size(); })
      .def("__getitem__", [](const LayerSequence& s, std::size_t i) {
        if (i >= s.layers().size()) throw py::index_error("layer index out of range");
        return s.layers()[i];
      });
}

void bind_functions(py::module_& nn_module) {
  for (auto [name, fn] : element_functions()) nn_module.def(name, fn);
  nn_module.def("softmax", &tensor::softmax, py::arg("input"), py::arg("dim") = -1);
  nn_module.def("log_softmax", &tensor::log_softmax, py::arg("input"), py::arg("dim") = -1);
  nn_module.def("mse_loss", &nn::mse_loss, py::arg("input"), py::arg("target"),
                "mean((input - target)^2)");
  nn_module.def("half_squared_error", &nn::half_squared_error, py::arg("input"), py::arg("target"),
                "The notes' C = 1/2 ||f(x) - y||^2, averaged over the batch.");
  nn_module.def("bce_with_logits", &nn::bce_with_logits, py::arg("input"), py::arg("target"));
  nn_module.def("cross_entropy", &nn::cross_entropy, py::arg("input"), py::arg("labels"),
                "Softmax cross-entropy of logits (B, C) against class indices, averaged.");
  nn_module.def("accuracy", &nn::accuracy, py::arg("input"), py::arg("labels"));
}

// The parameters an optimizer may update in place: leaves whose elements are dense (a
// strided view of a NumPy array would be updated at the wrong addresses).
std::vector<Tensor> updatable(std::vector<Tensor> params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (!params[i].is_leaf()) {
      throw Error(ErrorKind::Request,
                  fmt::format("parameter {} is the result of an operation; an optimizer updates "
                              "leaf tensors",
                              i));
    }
    if (!params[i].is_contiguous()) {
      throw Error(ErrorKind::Request,
                  fmt::format("parameter {} is a strided view; an optimizer updates dense "
                              "tensors (pass numpy.ascontiguousarray of the array)",
                              i));
    }
  }
  return params;
}

void bind_optimizers(py::module_& optim_module) {
  py::class_<optim::Optimizer, std::shared_ptr<optim::Optimizer>>(
      optim_module, "Optimizer", "Updates its parameters in place from their .grad.")
      .def("step", &optim::Optimizer::step)
      .def("zero_grad", &optim::Optimizer::zero_grad)
      .def_property("lr", &optim::Optimizer::lr, &optim::Optimizer::set_lr)
      .def("state", &optim::Optimizer::state);
  py::class_<optim::Sgd, optim::Optimizer, std::shared_ptr<optim::Sgd>>(
      optim_module, "SGD", "Stochastic gradient descent with momentum and weight decay.")
      .def(py::init([](std::vector<Tensor> params, double lr, double momentum, double weight_decay,
                       bool nesterov) {
             return std::make_shared<optim::Sgd>(updatable(std::move(params)),
                                                 optim::SgdOptions{.lr = lr,
                                                                   .momentum = momentum,
                                                                   .weight_decay = weight_decay,
                                                                   .nesterov = nesterov});
           }),
           py::arg("params"), py::kw_only(), py::arg("lr") = 0.01, py::arg("momentum") = 0.0,
           py::arg("weight_decay") = 0.0, py::arg("nesterov") = false);
  py::class_<optim::Adam, optim::Optimizer, std::shared_ptr<optim::Adam>>(optim_module, "Adam")
      .def(py::init([](std::vector<Tensor> params, double lr, std::pair<double, double> betas,
                       double eps, double weight_decay) {
             return std::make_shared<optim::Adam>(updatable(std::move(params)),
                                                  optim::AdamOptions{.lr = lr,
                                                                     .beta1 = betas.first,
                                                                     .beta2 = betas.second,
                                                                     .eps = eps,
                                                                     .weight_decay = weight_decay});
           }),
           py::arg("params"), py::kw_only(), py::arg("lr") = 0.001,
           py::arg("betas") = std::pair<double, double>(0.9, 0.999), py::arg("eps") = 1e-8,
           py::arg("weight_decay") = 0.0);
}

}  // namespace

void bind_nn(py::module_& module) {
  py::module_ nn_module = module.def_submodule("nn", "Layers, activations and losses.");
  bind_layers(nn_module);
  bind_functions(nn_module);
  py::module_ optim_module = module.def_submodule("optim", "Optimizers: SGD and Adam.");
  bind_optimizers(optim_module);
  // `import leibniz.nn` and `from leibniz.optim import Adam` find them.
  py::dict modules = py::module_::import("sys").attr("modules");
  modules["leibniz.nn"] = nn_module;
  modules["leibniz.optim"] = optim_module;
}

}  // namespace leibniz::python
