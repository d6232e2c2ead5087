// How the CLI reports an Error: one message on stderr naming the kind, and for errors
// in an input text, the text with a caret under the column.
#pragma once

#include <string_view>

#include "leibniz/core/error.h"

namespace leibniz::cli {

/// Prints "leibniz: <kind> error: <message>" (and the input with a caret under
/// error.pos() when input is given) on stderr; returns exit status 2.
int report_error(const Error& error, std::string_view input = {});

}  // namespace leibniz::cli
