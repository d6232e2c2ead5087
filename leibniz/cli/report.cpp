#include "leibniz/cli/report.h"

#include <iostream>
#include <string>

#include "leibniz/core/utf8.h"

namespace leibniz::cli {

int report_error(const Error& error, std::string_view input) {
  std::cerr << "leibniz: " << kind_name(error.kind()) << " error: " << error.what() << "\n";
  const bool one_line = input.find('\n') == std::string_view::npos;
  if (error.pos() && !input.empty() && one_line && input.size() <= 200) {
    // A character takes one column on the terminal.
    std::cerr << "  " << input << "\n  " << std::string(character_offset(input, *error.pos()), ' ')
              << "^\n";
  } else if (error.pos()) {
    std::cerr << "  at column " << character_offset(input, *error.pos()) + 1 << "\n";
  }
  return 2;
}

}  // namespace leibniz::cli
