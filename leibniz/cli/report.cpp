#include "leibniz/cli/report.h"

#include <iostream>
#include <string>

namespace leibniz::cli {
namespace {

// The display column of a byte offset: UTF-8 continuation bytes take no column.
std::size_t display_column(std::string_view text, std::size_t offset) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

}  // namespace

int report_error(const Error& error, std::string_view input) {
  std::cerr << "leibniz: " << kind_name(error.kind()) << " error: " << error.what() << "\n";
  const bool one_line = input.find('\n') == std::string_view::npos;
  if (error.pos() && !input.empty() && one_line && input.size() <= 200) {
    std::cerr << "  " << input << "\n  " << std::string(display_column(input, *error.pos()), ' ')
              << "^\n";
  } else if (error.pos()) {
    std::cerr << "  at column " << *error.pos() + 1 << "\n";
  }
  return 2;
}

}  // namespace leibniz::cli
