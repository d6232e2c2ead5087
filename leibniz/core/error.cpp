#include "leibniz/core/error.h"

#include <cstdio>
#include <cstdlib>

namespace leibniz {

std::string_view kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Parse: return "parse";
    case ErrorKind::Domain: return "domain";
    case ErrorKind::Unsupported: return "unsupported";
    case ErrorKind::Limit: return "limit";
    case ErrorKind::Request: return "request";
    case ErrorKind::Internal: return "internal";
  }
  return "internal";
}

void assertion_failed(const char* file, int line, const char* condition, const char* why) {
  std::fprintf(stderr, "%s:%d: internal error: assertion '%s' failed: %s\n", file, line, condition,
               why);
  std::abort();
}

}  // namespace leibniz
