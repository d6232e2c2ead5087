#include "leibniz/nn/safetensors.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"

namespace leibniz::nn {
namespace {

static_assert(std::endian::native == std::endian::little, "safetensors data is little-endian");

using tensor::DType;
using tensor::Tensor;

[[noreturn]] void bad(const std::string& name, const std::string& what) {
  throw Error(ErrorKind::Parse, name + ": not a valid safetensors file: " + what);
}

}  // namespace

const Tensor& Safetensors::get(const std::string& name) const {
  for (auto& [n, t] : tensors)
    if (n == name) return t;
  throw Error(ErrorKind::Request, source + ": no tensor named '" + name + "'");
}

std::string encode_safetensors(const NamedTensors& tensors,
                               const std::map<std::string, std::string>& metadata) {
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::size_t offset = 0;
  for (auto& [name, t] : tensors) {
    std::size_t bytes = static_cast<std::size_t>(t.numel()) * tensor::dtype_size(t.dtype());
    header[name] = {{"dtype", t.dtype() == DType::F32 ? "F32" : "F64"},
                    {"shape", std::vector<std::int64_t>(t.shape().begin(), t.shape().end())},
                    {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');  // align the data to 8 bytes
  std::uint64_t n = text.size();
  std::string out(8, '\0');
  std::memcpy(out.data(), &n, 8);
  out += text;
  out.reserve(out.size() + offset);
  for (auto& [name, t] : tensors) {
    Tensor c = t.contiguous();
    std::size_t bytes = static_cast<std::size_t>(t.numel()) * tensor::dtype_size(t.dtype());
    tensor::dispatch(t.dtype(), [&](auto tag) {
      out.append(reinterpret_cast<const char*>(c.data<decltype(tag)>()), bytes);
    });
  }
  return out;
}

Safetensors decode_safetensors(std::string_view bytes, const std::string& name) {
  if (bytes.size() < 8) bad(name, "shorter than its 8-byte header length");
  std::uint64_t n = 0;
  std::memcpy(&n, bytes.data(), 8);
  if (n > bytes.size() - 8) bad(name, "header length " + std::to_string(n) + " exceeds the file");
  nlohmann::json header =
      nlohmann::json::parse(bytes.substr(8, n), nullptr, /*allow_exceptions=*/false);
  if (!header.is_object()) bad(name, "the header is not a JSON object");
  std::string_view data = bytes.substr(8 + n);
  Safetensors out;
  out.source = name;
  // Tensors in the order of their data, which is the order they were written in.
  std::vector<std::pair<std::uint64_t, std::string>> order;
  for (auto& [key, value] : header.items()) {
    if (key == "__metadata__") {
      if (!value.is_object()) bad(name, "__metadata__ is not an object");
      for (auto& [k, v] : value.items()) {
        if (!v.is_string()) bad(name, "metadata '" + k + "' is not a string");
        out.metadata[k] = v.get<std::string>();
      }
      continue;
    }
    if (!value.is_object() || !value.contains("data_offsets") ||
        !value["data_offsets"].is_array() || value["data_offsets"].size() != 2) {
      bad(name, "tensor '" + key + "' lacks data_offsets");
    }
    // Whole numbers only: a float or a string would be converted (or thrown) unchecked.
    for (const auto& offset : value["data_offsets"]) {
      if (!offset.is_number_unsigned()) {
        bad(name, "tensor '" + key + "' has data_offsets " + value["data_offsets"].dump() +
                      "; they must be two whole numbers of bytes");
      }
    }
    order.emplace_back(value["data_offsets"][0].get<std::uint64_t>(), key);
  }
  std::sort(order.begin(), order.end());
  for (auto& [begin_unused, key] : order) {
    const nlohmann::json& e = header[key];
    if (!e.contains("dtype") || !e["dtype"].is_string())
      bad(name, "tensor '" + key + "' lacks a dtype");
    std::string dt = e["dtype"].get<std::string>();
    DType dtype;
    if (dt == "F32") {
      dtype = DType::F32;
    } else if (dt == "F64") {
      dtype = DType::F64;
    } else {
      throw Error(ErrorKind::Unsupported, name + ": tensor '" + key + "' has element type " + dt +
                                              "; only F32 and F64 are supported");
    }
    if (!e.contains("shape") || !e["shape"].is_array())
      bad(name, "tensor '" + key + "' lacks a shape");
    tensor::Shape shape;
    // The size in bytes, multiplied with overflow checks before anything is allocated.
    std::uint64_t want = tensor::dtype_size(dtype);
    for (auto& d : e["shape"]) {
      if (!d.is_number_unsigned() || d.get<std::uint64_t>() > INT64_MAX) {
        bad(name, "tensor '" + key + "' has a bad shape");
      }
      if (__builtin_mul_overflow(want, d.get<std::uint64_t>(), &want) || want > INT64_MAX) {
        throw Error(ErrorKind::Limit, name + ": tensor '" + key + "' of shape " +
                                          e["shape"].dump() + " has more than " +
                                          std::to_string(INT64_MAX) + " bytes");
      }
      shape.push_back(d.get<std::int64_t>());
    }
    auto begin = e["data_offsets"][0].get<std::uint64_t>();
    auto end = e["data_offsets"][1].get<std::uint64_t>();
    if (end < begin || end > data.size() || end - begin != want) {
      bad(name, "tensor '" + key + "' has data_offsets [" + std::to_string(begin) + ", " +
                    std::to_string(end) + "] that do not fit its shape " + shape.str() + " in " +
                    std::to_string(data.size()) + " data bytes");
    }
    Tensor t = tensor::empty(shape, dtype);
    tensor::dispatch(
        dtype, [&](auto tag) { std::memcpy(t.data<decltype(tag)>(), data.data() + begin, want); });
    out.tensors.emplace_back(key, t);
  }
  return out;
}

void save_safetensors(const std::string& path, const NamedTensors& tensors,
                      const std::map<std::string, std::string>& metadata) {
  io::write_file_atomic(path, encode_safetensors(tensors, metadata));
}

Safetensors load_safetensors(const std::string& path) {
  return decode_safetensors(io::read_file(path), path);
}

}  // namespace leibniz::nn
