#include "leibniz/app/batch.h"

#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <streambuf>
#include <string>

#include "leibniz/app/batch_output.h"
#include "leibniz/app/batch_read.h"
#include "leibniz/app/batch_write.h"

namespace leibniz::app {
namespace {

// Standard input read through a buffer of the batch's own. std::cin, synchronised with C's
// stdio, takes each character through getc (a tenth of a small request's time); read(2)
// returns whatever a pipe holds, so a line is still answered as soon as it arrives.
class StandardInput : public std::streambuf {
 public:
  // True if a whole non-blank line is already here: a request the batch answers next
  // without waiting for its sender.
  bool holds_a_request() const {
    bool blank = true;
    for (const char* c = gptr(); c < egptr(); ++c) {
      if (*c == '\n') {
        if (!blank) return true;
      } else if (*c != ' ' && *c != '\t' && *c != '\r') {
        blank = false;
      }
    }
    return false;
  }

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

// A line's "id" and its answer without the id.
struct AnswerParts {
  nlohmann::json id = nullptr;
  Answer body;
};

// The answer to a line read, without its id.
Answer body_of(const RequestLine& read) {
  try {
    return read.error   ? error_answer(*read.error)
           : read.plain ? answer_members(read.plain->members)
                        : answer(read.request);
  } catch (...) {
    return error_answer(error_of(std::current_exception()));
  }
}

AnswerParts answer_parts(std::string_view line) {
  AnswerParts parts;
  // Whatever the line holds, it gets an answer: even a bug (or running out of memory
  // while reading it) is reported for this line, and the batch goes on.
  try {
    RequestLine read = read_request_line(line);
    parts.id = std::move(read.id);
    parts.body = body_of(read);
  } catch (...) {
    parts.body = error_answer(error_of(std::current_exception()));
  }
  return parts;
}

// answer_line(line) as text, appended to `out`: a plain request's written as its result
// can (requests.h) rather than built as a document first.
void append_answer_line_of(std::string_view line, std::string& out) {
  const std::size_t start = out.size();
  nlohmann::json id = nullptr;
  try {
    RequestLine read = read_request_line(line);
    id = std::move(read.id);
    if (!read.error && read.plain) {
      append_answer_line_of_members(id, read.plain->members, out);
    } else {
      append_answer_line(id, body_of(read), out);
    }
  } catch (...) {
    out.resize(start);
    append_answer_line(id, error_answer(error_of(std::current_exception())), out);
  }
}

}  // namespace

nlohmann::ordered_json answer_line(std::string_view line) {
  AnswerParts parts = answer_parts(line);
  Answer framed{{"id", nullptr}};
  framed["id"] = std::move(parts.id);
  for (auto& [key, value] : parts.body.items()) framed[key] = std::move(value);
  return framed;
}

void run_batch(std::istream& in, std::ostream& out) {
  StandardInput standard_input;
  std::istream buffered(&standard_input);
  const bool standard = &in == &std::cin;
  std::istream& source = standard ? buffered : in;
  BatchOutput output(out);
  std::string line, text;
  while (std::getline(source, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    text.clear();
    append_answer_line_of(line, text);
    text += '\n';
    // Spec §3: each answer as soon as it is ready; held (batch_output.h) only while the
    // next request is already here. Another stream's buffer is not looked into.
    output.add(text, standard && standard_input.holds_a_request());
  }
}

}  // namespace leibniz::app
