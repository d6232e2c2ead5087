// The safetensors format (https://github.com/huggingface/safetensors): an 8-byte
// little-endian header length, a JSON header naming each tensor's dtype, shape and byte
// range, then the raw little-endian data. Written atomically.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "leibniz/tensor/tensor.h"

namespace leibniz::nn {

using NamedTensors = std::vector<std::pair<std::string, tensor::Tensor>>;

struct Safetensors {
  NamedTensors tensors;  ///< in file order
  std::map<std::string, std::string> metadata;

  /// The tensor called `name`; throws Error{Request} naming the file when absent.
  const tensor::Tensor& get(const std::string& name) const;
  std::string source;  ///< the file, for messages
};

/// Serialises to bytes (the format above).
std::string encode_safetensors(const NamedTensors& tensors,
                               const std::map<std::string, std::string>& metadata);
/// Parses bytes; Error{Parse} naming `name` when they are not a valid safetensors file,
/// Error{Unsupported} for element types other than F32 and F64.
Safetensors decode_safetensors(std::string_view bytes, const std::string& name);

void save_safetensors(const std::string& path, const NamedTensors& tensors,
                      const std::map<std::string, std::string>& metadata = {});
Safetensors load_safetensors(const std::string& path);

}  // namespace leibniz::nn
