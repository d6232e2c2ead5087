// The rows of the commands the command line alone runs: train and predict read and write
// files by name (a request carries its data), serve and batch are doors themselves, and
// tour walks through the requests. Their rows are the one home of their summaries and of
// their options' spellings and help; their defaults are their configs' (nn/train.h,
// nn/predict.h, serve/server.h), which the CLI shows.
#include "leibniz/app/request_families.h"

namespace leibniz::app {

std::vector<RequestRow> command_line_requests() {
  using enum ArgumentKind;
  static constexpr Argument kPredictData{
      "data", Text, true, "", "--data", "the CSV: the features, and the target column if known"};
  static constexpr Argument kHeader{"header", Flag,       false,
                                    "",       "--header", "the first line names the columns"};
  return {
      {"train",
       "train a neural network on a CSV file",
       {{"config", Text, false, "", "--config", "read options from a file of 'name = value' lines"},
        {"data", Text, false, "", "--data", "the CSV file: one row per example (required)"},
        kHeader,
        {"target", Text, false, "", "--target",
         "the target column: last, first, a header name or a 1-based number"},
        {"task", Text, false, "", "--task", "classify or regress"},
        {"hidden", Text, false, "", "--hidden",
         "hidden layer widths, e.g. 64,32 (none for no hidden layer)"},
        {"activation", Text, false, "", "--activation", "relu, tanh, sigmoid, gelu or softplus"},
        {"model", Text, false, "", "--model", "mlp, or rnn/lstm reading each row as a sequence"},
        {"step_inputs", Number, false, "", "--step-inputs", "rnn/lstm: features per time step"},
        {"loss", Text, false, "", "--loss", "auto, cross_entropy, bce, mse or half_sse"},
        {"optimizer", Text, false, "", "--optimizer", "sgd or adam"},
        {"lr", Number, false, "", "--lr", "learning rate"},
        {"momentum", Number, false, "", "--momentum", "SGD momentum"},
        {"weight_decay", Number, false, "", "--weight-decay", "L2 weight decay"},
        {"schedule", Text, false, "", "--schedule",
         "learning-rate schedule: constant, step or cosine"},
        {"epochs", Number, false, "", "--epochs", "passes over the training rows"},
        {"batch", Number, false, "", "--batch", "rows per mini-batch"},
        {"val", Number, false, "", "--val", "share of rows held out for validation"},
        {"val_data", Text, false, "", "--val-data",
         "validate on this CSV (same columns) instead of holding out --val"},
        {"seed", Number, false, "", "--seed", "seed of the initialisation, split and shuffling"},
        {"dtype", Text, false, "", "--dtype", "float32 or float64"},
        {"no_standardize", Flag, false, "", "--no-standardize", "keep the features as they are"},
        {"save", Text, false, "", "--save", "save the trained model (safetensors)"},
        {"resume", Text, false, "", "--resume", "continue training a saved model"},
        {"checkpoint_every", Number, false, "", "--checkpoint-every",
         "also save to --save after every this many epochs (0: at the end only)"},
        {"plot", Text, false, "", "--plot",
         "draw the loss curves to a .png or .svg file (needs gnuplot)"}},
       nullptr,
       Doors::CommandLine},
      {"predict",
       "predict with a model saved by leibniz train",
       {{"model", Text, true, "", "", "the model (.safetensors) saved by leibniz train --save"},
        kPredictData,
        kHeader,
        {"target", Text, false, "", "--target",
         "the target column when the file has one (default: as in training)"}},
       nullptr,
       Doors::CommandLine},
      {"serve",
       "serve the page and the HTTP API (POST /api) until Ctrl-C or SIGTERM (spec §8)",
       {{"host", Text, false, "", "--host", "address to listen on (loopback unless told)"},
        {"port", Number, false, "", "--port", "port to listen on; 0 picks a free one"},
        {"threads", Number, false, "", "--threads", "connections answered at once"},
        {"max_body", Number, false, "", "--max-body",
         "bytes a request body may have (413 beyond)"}},
       nullptr,
       Doors::CommandLine},
      {"batch", "answer JSON Lines requests from stdin (spec §3)", {}, nullptr, Doors::CommandLine},
      {"tour",
       "walk through the lecture notes, computing every result",
       {},
       nullptr,
       Doors::CommandLine},
  };
}

}  // namespace leibniz::app
