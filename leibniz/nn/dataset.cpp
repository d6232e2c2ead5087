#include "leibniz/nn/dataset.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::nn {

std::int64_t target_column(const CsvTable& table, const std::string& target) {
  if (target == "last") return table.cols - 1;
  if (target == "first") return 0;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i] == target) return static_cast<std::int64_t>(i);
  }
  bool digits = !target.empty() && std::all_of(target.begin(), target.end(),
                                               [](char c) { return c >= '0' && c <= '9'; });
  if (digits && target.size() < 10) {
    std::int64_t k = std::stoll(target);
    if (k >= 1 && k <= table.cols) return k - 1;
  }
  throw Error(ErrorKind::Request,
              fmt::format("{}: no target column '{}' ({} columns{})", table.name, target,
                          table.cols, table.header.empty() ? ", no header" : ""));
}

Dataset make_dataset(const CsvTable& table, std::int64_t target_col, Task task, tensor::DType dtype,
                     std::int64_t max_classes) {
  if (table.cols < 2)
    throw Error(ErrorKind::Request,
                fmt::format("{}: needs a feature column and a target column", table.name));
  Dataset d;
  std::int64_t f = table.cols - 1;
  std::vector<double> xs;
  xs.reserve(static_cast<std::size_t>(table.rows * f));
  std::vector<double> ys;
  for (std::int64_t r = 0; r < table.rows; ++r) {
    for (std::int64_t c = 0; c < table.cols; ++c) {
      if (c != target_col) xs.push_back(table.at(r, c));
    }
    double y = table.at(r, target_col);
    if (task == Task::Classify) {
      if (y != std::floor(y) || y < 0 || y >= static_cast<double>(max_classes)) {
        const char* fix = y != std::floor(y) ? "; for a numeric target pass --task regress"
                          : y < 0            ? "; number the classes 0, 1, 2, ..."
                                             : "";
        throw Error(ErrorKind::Domain,
                    fmt::format("{}, row {}, column {}: label {} is not a class 0..{}{}",
                                table.name, table.lines[static_cast<std::size_t>(r)],
                                target_col + 1, y, max_classes - 1, fix));
      }
      d.labels.push_back(static_cast<std::int64_t>(y));
      d.classes = std::max(d.classes, static_cast<std::int64_t>(y) + 1);
    } else {
      ys.push_back(y);
    }
  }
  d.x = tensor::from_vector(xs, {table.rows, f}, dtype);
  if (task == Task::Regress) d.y = tensor::from_vector(ys, {table.rows, 1}, dtype);
  for (std::int64_t c = 0; c < table.cols; ++c) {
    if (c == target_col) continue;
    auto k = static_cast<std::size_t>(c);
    d.feature_names.push_back(k < table.header.size() ? table.header[k]
                                                      : fmt::format("x{}", c + 1));
  }
  return d;
}

Dataset subset(const Dataset& data, const std::vector<std::int64_t>& rows) {
  Dataset s;
  s.x = tensor::index_select(data.x, rows);
  if (data.y.defined()) s.y = tensor::index_select(data.y, rows);
  for (std::int64_t r : rows) {
    if (!data.labels.empty()) s.labels.push_back(data.labels[static_cast<std::size_t>(r)]);
  }
  s.classes = data.classes;
  s.feature_names = data.feature_names;
  return s;
}

void shuffle(std::vector<std::int64_t>& items, tensor::Generator& gen) {
  for (std::size_t i = items.size(); i > 1; --i) {
    std::size_t j = static_cast<std::size_t>(gen.below(i));
    std::swap(items[i - 1], items[j]);
  }
}

Split train_val_split(std::int64_t n, double val_fraction, std::uint64_t seed) {
  if (val_fraction < 0 || val_fraction >= 1) {
    throw Error(ErrorKind::Request,
                "the validation fraction must be in [0, 1); got " + std::to_string(val_fraction));
  }
  std::vector<std::int64_t> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  tensor::Generator gen(seed);
  shuffle(order, gen);
  auto n_val = static_cast<std::size_t>(std::llround(val_fraction * static_cast<double>(n)));
  Split s;
  s.val.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n_val));
  s.train.assign(order.begin() + static_cast<std::ptrdiff_t>(n_val), order.end());
  return s;
}

Standardizer Standardizer::fit(const Tensor& x) {
  std::int64_t n = x.shape()[0], f = x.shape()[1];
  std::vector<double> v = x.to_vector();
  Standardizer s;
  s.mean.assign(static_cast<std::size_t>(f), 0.0);
  s.scale.assign(static_cast<std::size_t>(f), 1.0);
  if (n == 0) return s;
  for (std::int64_t c = 0; c < f; ++c) {
    double m = 0, q = 0;
    for (std::int64_t r = 0; r < n; ++r) m += v[static_cast<std::size_t>(r * f + c)];
    m /= static_cast<double>(n);
    for (std::int64_t r = 0; r < n; ++r) {
      double d = v[static_cast<std::size_t>(r * f + c)] - m;
      q += d * d;
    }
    double sd = std::sqrt(q / static_cast<double>(n));
    s.mean[static_cast<std::size_t>(c)] = m;
    s.scale[static_cast<std::size_t>(c)] = sd > 1e-12 ? sd : 1.0;
  }
  return s;
}

Tensor Standardizer::apply(const Tensor& x) const {
  std::int64_t n = x.shape()[0], f = x.shape()[1];
  std::vector<double> v = x.to_vector();
  for (std::int64_t r = 0; r < n; ++r)
    for (std::int64_t c = 0; c < f; ++c) {
      auto k = static_cast<std::size_t>(c);
      double& e = v[static_cast<std::size_t>(r * f + c)];
      e = (e - mean[k]) / scale[k];
    }
  return tensor::from_vector(v, x.shape(), x.dtype());
}

std::vector<std::vector<std::int64_t>> minibatches(const std::vector<std::int64_t>& order,
                                                   std::int64_t batch) {
  if (batch < 1)
    throw Error(ErrorKind::Request,
                "the batch size must be at least 1; got " + std::to_string(batch));
  std::vector<std::vector<std::int64_t>> out;
  for (std::size_t i = 0; i < order.size(); i += static_cast<std::size_t>(batch)) {
    std::size_t end = std::min(order.size(), i + static_cast<std::size_t>(batch));
    out.emplace_back(order.begin() + static_cast<std::ptrdiff_t>(i),
                     order.begin() + static_cast<std::ptrdiff_t>(end));
  }
  return out;
}

}  // namespace leibniz::nn
