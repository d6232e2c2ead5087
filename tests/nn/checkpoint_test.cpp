#include "leibniz/nn/checkpoint.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "leibniz/core/error.h"
#include "leibniz/optim/adam.h"

namespace leibniz::nn {
namespace {

TEST(Checkpoint, SaveAndLoadRoundTrip) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("leibniz_ckpt_" + std::to_string(::getpid()) + ".safetensors"))
                         .string();
  ModelSpec spec;
  spec.inputs = 3;
  spec.hidden = {4};
  spec.outputs = 2;
  tensor::Generator gen(1);
  auto model = spec.build(gen);
  optim::Adam adam(model->parameters(), {});
  nn::Standardizer st{{1, 2, 3}, {4, 5, 6}};
  save_checkpoint(path, *model, spec, st, &adam, 7, {{"task", "classify"}});

  Checkpoint c = load_checkpoint(path);
  std::filesystem::remove(path);
  EXPECT_EQ(c.epoch, 7);
  EXPECT_EQ(c.metadata.at("task"), "classify");
  EXPECT_EQ(c.spec.hidden, std::vector<std::int64_t>{4});
  EXPECT_EQ(c.standardizer.scale, (std::vector<double>{4, 5, 6}));
  EXPECT_EQ(c.parameters.size(), 4u);
  EXPECT_EQ(c.optimizer_state.size(), adam.state().size());
  tensor::Generator other(2);
  auto fresh = spec.build(other);
  load_parameters(*fresh, c.parameters, path);
  EXPECT_EQ(fresh->parameters()[0].to_vector(), model->parameters()[0].to_vector());
}

TEST(Checkpoint, WrongShapeNamesTheParameter) {
  ModelSpec spec;
  spec.inputs = 3;
  spec.hidden = {4};
  spec.outputs = 2;
  tensor::Generator gen(1);
  auto model = spec.build(gen);
  nn::NamedTensors saved = model->named_parameters();
  saved[0].second = tensor::zeros({5, 3});
  try {
    load_parameters(*model, saved, "m.safetensors");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "m.safetensors: parameter '0.weight' has shape (5, 3), the model needs (4, 3)");
  }
}

}  // namespace
}  // namespace leibniz::nn
