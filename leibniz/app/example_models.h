// The model files of examples/ (the notes' networks), built into the library by
// leibniz/app/CMakeLists.txt: the tour and the request "notes" run the very files the
// README shows.
#pragma once

#include <string_view>

namespace leibniz::app {

/// The text of examples/FILE; Error{Internal} for a file that is not built in.
std::string_view example_model(std::string_view file);

}  // namespace leibniz::app
