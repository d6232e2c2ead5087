#include "leibniz/serve/api.h"

#include "leibniz/app/batch.h"
#include "leibniz/app/batch_read.h"

namespace leibniz::serve {
namespace {

std::string json_text(const app::Answer& answer) {
  // As batch mode writes it: invalid UTF-8 in an echoed string becomes U+FFFD.
  return answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

ApiReply answer_api(std::string_view body) {
  // The body is read twice, once here for the status and once by answer_line(), which
  // frames the answer as batch mode does; reading is microseconds next to answering.
  const bool is_json = !app::read_request_line(body).error;
  return {is_json ? 200 : 400, json_text(app::answer_line(body))};
}

std::string refusal_body(std::string_view message) {
  app::Answer framed{{"id", nullptr}};
  app::Answer refused = app::error_answer(Error(ErrorKind::Request, std::string(message)));
  for (auto& [key, value] : refused.items()) framed[key] = std::move(value);
  return json_text(framed);
}

}  // namespace leibniz::serve
