#include "leibniz/app/batch.h"

#include <istream>
#include <ostream>
#include <string>

#include "leibniz/app/batch_read.h"

namespace leibniz::app {

nlohmann::ordered_json answer_line(std::string_view line) {
  Answer framed{{"id", nullptr}};
  Answer body;
  // Whatever the line holds, it gets an answer: even a bug (or running out of memory
  // while reading it) is reported for this line, and the batch goes on.
  try {
    RequestLine read = read_request_line(line);
    framed["id"] = std::move(read.id);
    body = read.error ? error_answer(*read.error) : answer(read.request);
  } catch (...) {
    body = error_answer(error_of(std::current_exception()));
  }
  for (auto& [key, value] : body.items()) framed[key] = std::move(value);
  return framed;
}

void run_batch(std::istream& in, std::ostream& out) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    out << answer_line(line).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    out.flush();
  }
}

}  // namespace leibniz::app
