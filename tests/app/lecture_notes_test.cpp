// The lecture notes' data (app/lecture_notes.h) and the request "notes" that hands it to
// every door: each example is the request that computes the answer key's result, each
// derivation breaks exactly where its erratum says, and the networks are examples/*.lz.
#include "leibniz/app/lecture_notes.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "leibniz/app/check_request.h"
#include "leibniz/app/requests.h"
#include "leibniz/core/error.h"

namespace leibniz::app {
namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const Answer& notes() {
  static const Answer kNotes = answer({{"op", "notes"}});
  return kNotes;
}

// Every preset's request, answered, gives the answer key's result.
TEST(LectureNotes, EveryRuleExampleIsARequestForTheAnswerKeysResult) {
  ASSERT_TRUE(notes()["ok"].get<bool>()) << notes().dump();
  ASSERT_EQ(notes()["rules"].size(), lecture::rules().size());
  for (const auto& rule : notes()["rules"]) {
    for (const auto& example : rule["examples"]) {
      const Answer result = answer(example["request"]);
      ASSERT_TRUE(result["ok"].get<bool>()) << example.dump() << result.dump();
      const Answer expected =
          answer({{"op", "simplify"},
                  {"expr", example["answer"]},
                  {"functions", example["request"].value("functions", nlohmann::json::array())}});
      EXPECT_EQ(result["result"], expected["result"]) << example["label"];
    }
  }
}

TEST(LectureNotes, EveryTableRowIsARequestThatIsAnswered) {
  for (const auto& table : notes()["tables"]) {
    for (const auto& row : table["rows"]) {
      const Answer result = answer(row["request"]);
      EXPECT_TRUE(result["ok"].get<bool>()) << row.dump() << result.dump();
      EXPECT_FALSE(row["notes_latex"].get<std::string>().empty());
    }
  }
  EXPECT_EQ(notes()["tables"][0]["rows"].size(), lecture::derivative_table().size());
  EXPECT_EQ(notes()["tables"][1]["rows"].size(), lecture::integral_table().size());
}

// A derivation with an erratum fails, one without holds: the check request says so.
TEST(LectureNotes, EachDerivationBreaksExactlyWhereItsErratumSays) {
  for (const auto& d : notes()["derivations"]) {
    const Answer result = answer(d["request"]);
    ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
    EXPECT_EQ(result["verdict"], d.contains("erratum") ? "fails" : "holds") << d["label"];
  }
}

TEST(LectureNotes, TheNetworksAreTheExampleModelFiles) {
  ASSERT_EQ(notes()["networks"].size(), 3u);
  for (const auto& n : notes()["networks"]) {
    EXPECT_EQ(n["model"],
              file_text(std::string(LEIBNIZ_EXAMPLES) + "/" + n["file"].get<std::string>()));
    const Answer result = answer({{"op", "backprop"}, {"model", n["model"]}, {"lr", n["lr"]}});
    EXPECT_TRUE(result["ok"].get<bool>()) << result.dump();
  }
  EXPECT_THROW(lecture::network("nope"), Error);
}

TEST(LectureNotes, TheOpeningIsTheWorkedProductRule) {
  EXPECT_EQ(notes()["opening"].dump(),
            R"j({"op":"diff","expr":"(x^2 + y^2)*(x^2*y + y^2*x)","wrt":["x"],"steps":true})j");
}

TEST(LectureNotes, LabelsShowFormulasAsTheNotesWriteThem) {
  EXPECT_EQ(lecture::as_written("(3*x)*(4*y^2)"), "(3x)(4y²)");
  EXPECT_EQ(notes()["rules"][0]["examples"][0]["label"], "f = x³, ∂f/∂x");
  EXPECT_EQ(notes()["rules"][1]["examples"].back()["request"].dump(),
            R"j({"op":"diff","expr":"c*g(x, y)","wrt":["x"],"functions":["g"]})j");
}

}  // namespace
}  // namespace leibniz::app
