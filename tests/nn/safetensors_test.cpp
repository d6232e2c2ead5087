#include "leibniz/nn/safetensors.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"

namespace leibniz::nn {
namespace {

std::string error_of(std::string_view bytes) {
  try {
    decode_safetensors(bytes, "m.safetensors");
  } catch (const Error& e) {
    return std::string(kind_name(e.kind())) + ": " + e.what();
  }
  return "no error";
}

std::string with_header(const std::string& json, std::size_t data_bytes) {
  std::string out(8, '\0');
  std::uint64_t n = json.size();
  std::memcpy(out.data(), &n, 8);
  return out + json + std::string(data_bytes, '\0');
}

TEST(Safetensors, RoundTripKeepsOrderDtypesAndMetadata) {
  tensor::Tensor a = tensor::from_vector({1, 2, 3, 4, 5, 6}, {2, 3}, tensor::DType::F32);
  tensor::Tensor b = tensor::from_vector({0.1}, {1}, tensor::DType::F64);
  std::string bytes = encode_safetensors({{"z.weight", a}, {"a.bias", b}}, {{"epoch", "3"}});
  std::uint64_t n = 0;
  std::memcpy(&n, bytes.data(), 8);
  EXPECT_EQ(n % 8, 0u);  // the data starts 8-aligned
  EXPECT_EQ(bytes.size(), 8 + n + 6 * 4 + 8);
  Safetensors s = decode_safetensors(bytes, "m");
  ASSERT_EQ(s.tensors.size(), 2u);
  EXPECT_EQ(s.tensors[0].first, "z.weight");
  EXPECT_EQ(s.tensors[0].second.shape(), tensor::Shape({2, 3}));
  EXPECT_EQ(s.tensors[0].second.to_vector(), a.to_vector());
  EXPECT_EQ(s.get("a.bias").dtype(), tensor::DType::F64);
  EXPECT_EQ(s.get("a.bias").item(), 0.1);
  EXPECT_EQ(s.metadata.at("epoch"), "3");
  EXPECT_THROW(s.get("nothing"), Error);
}

TEST(Safetensors, HeaderIsTheStandardLayout) {
  std::string bytes = encode_safetensors({{"w", tensor::zeros({2})}}, {});
  std::uint64_t n = 0;
  std::memcpy(&n, bytes.data(), 8);
  std::string header = bytes.substr(8, n);
  EXPECT_EQ(header.substr(0, header.find_last_not_of(' ') + 1),
            R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})");
}

TEST(Safetensors, BadFilesAreParseErrors) {
  EXPECT_EQ(
      error_of("abc"),
      "parse: m.safetensors: not a valid safetensors file: shorter than its 8-byte header length");
  EXPECT_EQ(error_of(with_header("{}", 0).substr(0, 9)),
            "parse: m.safetensors: not a valid safetensors file: header length 2 exceeds the file");
  EXPECT_EQ(error_of(with_header("[1]", 0)),
            "parse: m.safetensors: not a valid safetensors file: the header is not a JSON object");
  EXPECT_EQ(error_of(with_header(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8)),
            "parse: m.safetensors: not a valid safetensors file: tensor 'w' has data_offsets [0, "
            "8] that do not fit "
            "its shape (3,) in 8 data bytes");
  EXPECT_EQ(error_of(with_header(R"({"w":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}})", 4)),
            "unsupported: m.safetensors: tensor 'w' has element type F16; only F32 and F64 are "
            "supported");
}

// Issue 17 #11: every field is checked for its type, and sizes are multiplied with overflow
// checks before anything is allocated.
TEST(Safetensors, FieldTypesAndSizeOverflowsAreLocatedErrors) {
  EXPECT_EQ(error_of(with_header(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,"4"]}})", 4)),
            "parse: m.safetensors: not a valid safetensors file: tensor 'w' has data_offsets "
            "[0,\"4\"]; they must be two whole numbers of bytes");
  EXPECT_EQ(
      error_of(with_header(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,1e20]}})", 4)),
      "parse: m.safetensors: not a valid safetensors file: tensor 'w' has data_offsets "
      "[0,1e+20]; they must be two whole numbers of bytes");
  EXPECT_EQ(error_of(with_header(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[-1,4]}})", 4)),
            "parse: m.safetensors: not a valid safetensors file: tensor 'w' has data_offsets "
            "[-1,4]; they must be two whole numbers of bytes");
  EXPECT_EQ(
      error_of(with_header(
          R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,0]}})", 0)),
      "limit: m.safetensors: tensor 'w' of shape [4294967296,4294967296] has more than "
      "9223372036854775807 bytes");
  EXPECT_EQ(error_of(with_header(
                R"({"w":{"dtype":"F64","shape":[2305843009213693952],"data_offsets":[0,0]}})", 0)),
            "limit: m.safetensors: tensor 'w' of shape [2305843009213693952] has more than "
            "9223372036854775807 bytes");
  EXPECT_EQ(
      error_of(with_header(
          R"({"w":{"dtype":"F64","shape":[0,18446744073709551615],"data_offsets":[0,0]}})", 0)),
      "parse: m.safetensors: not a valid safetensors file: tensor 'w' has a bad shape");
  EXPECT_EQ(error_of(with_header(R"({"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})", 4)),
            "parse: m.safetensors: not a valid safetensors file: tensor 'w' has a bad shape");
}

TEST(Safetensors, SaveIsAtomicAndLeavesNoTemporaryFile) {
  auto dir = std::filesystem::temp_directory_path() / ("leibniz_st_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "m.safetensors").string();
  io::write_file_atomic(path, "old");
  save_safetensors(path, {{"w", tensor::ones({3})}});
  EXPECT_EQ(load_safetensors(path).get("w").to_vector(), (std::vector<double>{1, 1, 1}));
  std::size_t files = 0;
  for (auto& entry : std::filesystem::directory_iterator(dir)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace leibniz::nn
