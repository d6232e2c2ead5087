#include "leibniz/graph/source.h"

#include <fmt/format.h>

#include "leibniz/core/read_file.h"

namespace leibniz::graph {

Location Source::locate(std::size_t offset) const {
  Location at;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

std::string_view Source::line_at(std::size_t offset) const {
  const std::string_view all = text;
  if (offset > all.size()) offset = all.size();
  const std::size_t start = offset == 0 ? 0 : all.rfind('\n', offset - 1);
  const std::size_t begin = start == std::string_view::npos || offset == 0 ? 0 : start + 1;
  std::size_t end = all.find('\n', begin);
  if (end == std::string_view::npos) end = all.size();
  std::string_view line = all.substr(begin, end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string Source::caret(std::size_t offset) const {
  const std::string_view line = line_at(offset);
  const Location at = locate(offset);
  return fmt::format("  {}\n  {}^\n", line, std::string(at.column - 1, ' '));
}

Error Source::error(ErrorKind kind, std::size_t offset, std::string_view message) const {
  const Location at = locate(offset);
  return Error(kind, fmt::format("{}:{}:{}: {}", name, at.line, at.column, message), offset);
}

Source read_source(const std::string& path) { return Source{path, read_whole_file(path)}; }

}  // namespace leibniz::graph
