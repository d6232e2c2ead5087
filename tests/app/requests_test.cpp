// One request table for every door (spec §3, version 2): for each row of the table, the
// CLI's --json prints exactly batch mode's answer to the same request (without its id),
// and the CLI's text is the answer's text. A row without examples here fails the test, so
// a new request is compared by being added.
#include "leibniz/app/requests.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "leibniz/app/batch.h"
#include "leibniz/app/notes.h"

namespace leibniz::app {
namespace {

struct Example {
  std::vector<std::string> argv;  ///< the CLI's arguments after `leibniz`
  std::string request;            ///< the same request as a batch line
};

// A model file for the CLI, one per process (ctest runs tests side by side), removed at exit.
class ModelFile {
 public:
  ModelFile(const char* name, const char* text)
      : path_(std::filesystem::temp_directory_path() / (std::to_string(getpid()) + "_" + name)) {
    std::ofstream(path_) << text;
  }
  ~ModelFile() { std::filesystem::remove(path_); }
  ModelFile(const ModelFile&) = delete;
  ModelFile& operator=(const ModelFile&) = delete;
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

const std::map<std::string, std::vector<Example>>& examples() {
  static const ModelFile model_file("leibniz_requests_test.lz",
                                    "param w = 1/2\ninput x = 2\nloss L = sigmoid(w*x - 1)^2\n");
  static const std::string model = model_file.path();
  // psi's override is not its true derivative: gradcheck flags it (exit status 1).
  static const ModelFile override_file(
      "leibniz_requests_override.lz",
      "def psi(t) = 1/(1+3^(-t))\nderiv psi(t) = psi(t)*(1-psi(t))\nparam w = 1\nloss "
      "L = psi(w)\n");
  static const std::string override_model = override_file.path();
  static const std::map<std::string, std::vector<Example>> table{
      {"diff",
       {{{"diff", "x^2*sin(y)", "x"}, R"j({"op":"diff","expr":"x^2*sin(y)","wrt":["x"]})j"},
        {{"diff", "x^2*y", "x", "--steps"},
         R"j({"op":"diff","expr":"x^2*y","wrt":["x"],"steps":true})j"},
        {{"diff", "2xy^3", "x"}, R"j({"op":"diff","expr":"2xy^3","wrt":["x"]})j"},
        {{"diff", "sin(x", "x"}, R"j({"op":"diff","expr":"sin(x","wrt":["x"]})j"},
        {{"--function", "g", "diff", "g(x^2)", "x"},
         R"j({"op":"diff","expr":"g(x^2)","wrt":["x"],"functions":["g"]})j"}}},
      {"integrate",
       {{{"integrate", "sec(x)^2", "x"}, R"j({"op":"integrate","expr":"sec(x)^2","wrt":"x"})j"},
        {{"integrate", "x*e^x", "x", "--steps"},
         R"j({"op":"integrate","expr":"x*e^x","wrt":"x","steps":true})j"},
        {{"integrate", "x^2", "x", "--from", "0", "--to", "3"},
         R"j({"op":"integrate","expr":"x^2","wrt":"x","from":0,"to":3})j"},
        {{"integrate", "x^2", "x", "--from", "0", "--to", "1", "--numeric"},
         R"j({"op":"integrate","expr":"x^2","wrt":"x","from":0,"to":1,"numeric":true})j"},
        {{"integrate", "exp(x^2)", "x"}, R"j({"op":"integrate","expr":"exp(x^2)","wrt":"x"})j"}}},
      {"simplify",
       {{{"simplify", "(x+y)^2 - x^2"}, R"j({"op":"simplify","expr":"(x+y)^2 - x^2"})j"},
        {{"simplify", "\\frac{x}{y}", "--syntax", "latex"},
         R"j({"op":"simplify","expr":"\\frac{x}{y}","syntax":"latex"})j"}}},
      {"expand", {{{"expand", "(x+1)^3"}, R"j({"op":"expand","expr":"(x+1)^3"})j"}}},
      {"eval",
       {{{"eval", "x^2/3", "x=2"}, R"j({"op":"eval","expr":"x^2/3","at":{"x":2}})j"},
        {{"eval", "sigmoid(w*x)", "w=1/2", "x=0.5"},
         R"j({"op":"eval","expr":"sigmoid(w*x)","at":{"w":"1/2","x":0.5}})j"},
        {{"eval", "ln(x)", "x=-1"}, R"j({"op":"eval","expr":"ln(x)","at":{"x":-1}})j"}}},
      {"grad",
       {{{"grad", "x^2*y", "x", "y"}, R"j({"op":"grad","expr":"x^2*y","wrt":["x","y"]})j"}}},
      {"jacobian",
       {{{"jacobian", "x*y; x + y^2", "x", "y"},
         R"j({"op":"jacobian","expr":"x*y; x + y^2","wrt":["x","y"]})j"}}},
      {"hessian",
       {{{"hessian", "x^3*y^2", "x", "y"},
         R"j({"op":"hessian","expr":"x^3*y^2","wrt":["x","y"]})j"}}},
      {"check",
       {{{"check", "(x+1)^2 = x^2 + 2*x + 1 = x^2 + 1"},
         R"j({"op":"check","expr":"(x+1)^2 = x^2 + 2*x + 1 = x^2 + 1"})j"},
        {{"check", "x^2", "x^2 + 0"}, R"j({"op":"check","expr":["x^2","x^2 + 0"]})j"},
        {{"check", "2*x*y", "--is-derivative-of", "x^2*y", "--wrt", "x"},
         R"j({"op":"check","expr":"2*x*y","derivative_of":"x^2*y","wrt":["x"]})j"}}},
      {"backprop",
       {{{"backprop", model, "--lr", "0.1"},
         R"j({"op":"backprop","model":"param w = 1/2\ninput x = 2\nloss L = sigmoid(w*x - 1)^2\n","lr":0.1})j"},
        {{"backprop", model, "--lr", "1/10", "--epochs", "3"},
         R"j({"op":"backprop","model":"param w = 1/2\ninput x = 2\nloss L = sigmoid(w*x - 1)^2\n","lr":"1/10","epochs":3})j"},
        {{"backprop", model, "--explain", "w"},
         R"j({"op":"backprop","model":"param w = 1/2\ninput x = 2\nloss L = sigmoid(w*x - 1)^2\n","explain":"w"})j"},
        {{"backprop", model, "--symbolic"},
         R"j({"op":"backprop","model":"param w = 1/2\ninput x = 2\nloss L = sigmoid(w*x - 1)^2\n","symbolic":true})j"},
        {{"backprop", override_model, "--true-derivatives"},
         R"j({"op":"backprop","model":"def psi(t) = 1/(1+3^(-t))\nderiv psi(t) = psi(t)*(1-psi(t))\nparam w = 1\nloss L = psi(w)\n","true_derivatives":true})j"},
        {{"backprop", model, "--true-derivatives"},
         R"j({"op":"backprop","model":"param w = 1/2\ninput x = 2\nloss L = sigmoid(w*x - 1)^2\n","true_derivatives":true})j"}}},
      {"notes", {{{"notes"}, R"j({"op":"notes"})j"}}},
      {"gradcheck",
       {{{"gradcheck", model},
         R"j({"op":"gradcheck","model":"param w = 1/2\ninput x = 2\nloss L = sigmoid(w*x - 1)^2\n"})j"},
        {{"gradcheck", override_model, "--tolerance", "1e-9"},
         R"j({"op":"gradcheck","model":"def psi(t) = 1/(1+3^(-t))\nderiv psi(t) = psi(t)*(1-psi(t))\nparam w = 1\nloss L = psi(w)\n","tolerance":1e-9})j"}}},
  };
  return table;
}

std::string quoted(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// What `leibniz ARGV` prints on stdout.
std::string cli(const std::vector<std::string>& argv) {
  std::string command = quoted(LEIBNIZ_BINARY);
  for (const std::string& arg : argv) command += " " + quoted(arg);
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return "popen failed";
  std::string out;
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

std::vector<std::string> with(std::vector<std::string> argv, const char* flag) {
  argv.push_back(flag);
  return argv;
}

TEST(Requests, EveryRowHasExamplesAndNoExampleLacksARow) {
  std::set<std::string> ops;
  for (const RequestRow& row : request_table()) {
    if (row.doors != Doors::Every) continue;
    ops.insert(std::string(row.op));
    EXPECT_TRUE(examples().count(std::string(row.op))) << row.op << " has no example here";
  }
  for (const auto& [op, list] : examples()) EXPECT_TRUE(ops.count(op)) << op;
}

TEST(Requests, TheCliJsonIsTheBatchAnswer) {
  for (const RequestRow& row : request_table()) {
    if (!examples().count(std::string(row.op))) continue;
    for (const Example& example : examples().at(std::string(row.op))) {
      Answer batch = answer_line(example.request);
      batch.erase("id");
      EXPECT_EQ(batch, answer(nlohmann::json::parse(example.request))) << example.request;
      EXPECT_EQ(cli(with(example.argv, "--json")), batch.dump() + "\n") << example.request;
    }
  }
}

TEST(Requests, TheCliTextIsTheAnswersText) {
  for (const RequestRow& row : request_table()) {
    if (!examples().count(std::string(row.op))) continue;
    for (const Example& example : examples().at(std::string(row.op))) {
      Notes notes;
      std::unique_ptr<Result> result;
      try {
        result = run_request(nlohmann::json::parse(example.request));
      } catch (const Error&) {
        continue;  // an error's text is the CLI's report on stderr
      }
      // check, backprop, gradcheck and notes show their reports in one notation: no --plain,
      // no --latex.
      const bool notations =
          row.op != "check" && row.op != "backprop" && row.op != "gradcheck" && row.op != "notes";
      EXPECT_EQ(cli(notations ? with(example.argv, "--plain") : example.argv),
                result->text(Notation::Text))
          << example.request;
      if (notations) {
        EXPECT_EQ(cli(with(example.argv, "--latex")), result->text(Notation::Latex))
            << example.request;
      }
    }
  }
}

TEST(Requests, AnUnknownOpListsTheTable) {
  EXPECT_EQ(
      answer(nlohmann::json::parse(R"j({"op":"frobnicate"})j")).dump(),
      R"j({"ok":false,"error":{"kind":"request","message":"unknown op 'frobnicate' (the ops are: diff, integrate, simplify, expand, eval, grad, jacobian, hessian, check, backprop, gradcheck, notes)","pos":null}})j");
}

TEST(Requests, ACommandOfTheCommandLineIsNoRequest) {
  EXPECT_EQ(
      answer(nlohmann::json::parse(R"j({"op":"train","data":"a.csv"})j")).dump(),
      R"j({"ok":false,"error":{"kind":"request","message":"'train' is a command of the command line, not a request: run leibniz train (leibniz train --help lists its options)","pos":null}})j");
}

// The CLI's subcommands are the table's rows, each described by its row's summary, with
// an option for every argument the row spells for the command line.
TEST(Requests, EverySubcommandsHelpIsItsRow) {
  for (const RequestRow& row : request_table()) {
    const std::string help = cli({std::string(row.op), "--help"});
    EXPECT_EQ(help.substr(0, help.find('\n')), row.summary) << row.op;
    for (const Argument& a : row.arguments) {
      // What JSON alone has: the files' names in messages, the DOT text; and --function,
      // an option of leibniz itself.
      const bool json_only = a.cli.empty() && a.name != "model" &&
                             (a.kind == ArgumentKind::Text || a.kind == ArgumentKind::Flag);
      if (json_only || a.cli == "--function") continue;
      const std::string spelled = a.cli.empty() ? std::string(a.name) : std::string(a.cli);
      EXPECT_NE(help.find(spelled + " "), std::string::npos) << row.op << " " << spelled;
      EXPECT_NE(help.find(std::string(a.help)), std::string::npos) << row.op << " " << a.name;
    }
  }
}

TEST(Requests, StepsAreRefusedByARowWithoutThem) {
  EXPECT_EQ(
      answer(nlohmann::json::parse(R"j({"op":"simplify","expr":"x","steps":true})j")).dump(),
      R"j({"ok":false,"error":{"kind":"unsupported","message":"steps are available for diff and integrate, not simplify","pos":null}})j");
}

TEST(Requests, EveryArgumentIsDocumented) {
  for (const RequestRow& row : request_table()) {
    EXPECT_FALSE(row.summary.empty()) << row.op;
    for (const Argument& a : row.arguments) EXPECT_FALSE(a.help.empty()) << row.op << " " << a.name;
  }
}

}  // namespace
}  // namespace leibniz::app
