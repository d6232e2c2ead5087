// Reading a whole input file: the one place every reader (model files, CSV, safetensors)
// opens what the user named, so that every door refuses a directory or a missing file alike.
#pragma once

#include <string>

namespace leibniz {

/// The whole file; throws Error{Request} "cannot read 'PATH': REASON", also when PATH is a
/// directory (which would otherwise read as empty input).
std::string read_whole_file(const std::string& path);

}  // namespace leibniz
