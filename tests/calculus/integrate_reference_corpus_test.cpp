// The benchmark's reference corpus (tests/data/integrals_reference.txt, written by
// bench/integrate/make_corpus.py, format in bench/integrate/corpus_lib.py) is well formed:
// every integrand and every reference parses, every family names its source, and problems
// without an elementary antiderivative carry no reference. Integrating the corpus is the
// benchmark's job (bench/integrate/corpus_run.py), not a test's.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "leibniz/core/error.h"
#include "leibniz/expr/parse.h"

namespace leibniz {
namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

void expect_parses(const std::string& text, int line_number) {
  try {
    parse_text(text);
  } catch (const Error& error) {
    ADD_FAILURE() << "line " << line_number << ": " << text << ": " << error.what();
  }
}

TEST(IntegrateReferenceCorpus, EveryLineParsesAndEveryFamilyHasASource) {
  std::ifstream in(std::string(LEIBNIZ_TEST_DATA) + "/integrals_reference.txt");
  ASSERT_TRUE(in) << "tests/data/integrals_reference.txt is missing";
  std::map<std::string, bool> family_has_source;
  std::string family, line;
  int line_number = 0, problems = 0, references = 0, non_elementary = 0;
  while (std::getline(in, line)) {
    ++line_number;
    line = trim(line);
    if (line.empty()) continue;
    if (line[0] == '#') {
      const std::string body = trim(line.substr(1));
      if (body.rfind("family:", 0) == 0) family = trim(body.substr(7));
      if (body.rfind("source:", 0) == 0 && !family.empty()) family_has_source[family] = true;
      continue;
    }
    ASSERT_FALSE(family.empty()) << "line " << line_number << " comes before any '# family:'";
    family_has_source.try_emplace(family, false);
    ++problems;
    const bool elementary = line[0] != '!';
    if (!elementary) {
      ++non_elementary;
      line = trim(line.substr(1));
    }
    const auto separator = line.find(';');
    expect_parses(trim(line.substr(0, separator)), line_number);
    if (separator != std::string::npos) {
      EXPECT_TRUE(elementary) << "line " << line_number << ": a '!' problem with a reference";
      expect_parses(trim(line.substr(separator + 1)), line_number);
      ++references;
    }
  }
  EXPECT_GE(problems, 2000);
  EXPECT_GE(references, 1800);
  EXPECT_GE(non_elementary, 50);
  for (const auto& [name, has_source] : family_has_source) {
    EXPECT_TRUE(has_source) << "family '" << name << "' has no '# source:' line";
  }
}

}  // namespace
}  // namespace leibniz
