// The CSV reader, with and without a header line (the first input byte chooses).
#include "fuzz_target.h"
#include "leibniz/io/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  return leibniz::fuzz::run([&] {
    const leibniz::io::CsvOptions options{(data[0] & 1) != 0};
    const auto table =
        leibniz::io::parse_csv(leibniz::fuzz::text(data + 1, size - 1), "fuzz.csv", options);
    for (std::int64_t row = 0; row < table.rows; ++row) {
      for (std::int64_t col = 0; col < table.cols; ++col) (void)table.at(row, col);
    }
  });
}
