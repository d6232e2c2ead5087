#include "leibniz/app/batch.h"

#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <streambuf>
#include <string>

#include "leibniz/app/batch_read.h"

namespace leibniz::app {
namespace {

// Standard input read through a buffer of the batch's own. std::cin, synchronised with C's
// stdio, takes each character through getc (a tenth of a small request's time); read(2)
// returns whatever a pipe holds, so a line is still answered as soon as it arrives.
class StandardInput : public std::streambuf {
 protected:
  int_type underflow() override {
    ssize_t n;
    do {
      n = ::read(STDIN_FILENO, buffer_, sizeof buffer_);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  char buffer_[1 << 16];
};

}  // namespace

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
  StandardInput standard_input;
  std::istream buffered(&standard_input);
  std::istream& source = &in == &std::cin ? buffered : in;
  std::string line;
  while (std::getline(source, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    out << answer_line(line).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    out.flush();
  }
}

}  // namespace leibniz::app
