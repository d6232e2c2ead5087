// The benchmark's reference corpus (tests/data/integrals_reference.txt, written by
// bench/integrate/make_corpus.py, format in bench/integrate/corpus_lib.py) is well formed:
// every integrand and every reference parses, every family names its source, and problems
// without an elementary antiderivative carry no reference; likewise Rubi's independent
// suites (bench/integrate/sources/timofeev.txt, independent.txt). Integrating them is the
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

struct CorpusCounts {
  int problems = 0, references = 0, non_elementary = 0;
};

// Every line of the corpus at `path` parses and every family has a source: its counts.
CorpusCounts check_corpus(const std::string& path) {
  std::ifstream in(path);
  CorpusCounts counts;
  EXPECT_TRUE(in) << path << " is missing";
  std::map<std::string, bool> family_has_source;
  std::string family, line;
  int line_number = 0;
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
    if (family.empty()) {
      ADD_FAILURE() << "line " << line_number << " comes before any '# family:'";
      return counts;
    }
    family_has_source.try_emplace(family, false);
    ++counts.problems;
    const bool elementary = line[0] != '!';
    if (!elementary) {
      ++counts.non_elementary;
      line = trim(line.substr(1));
    }
    const auto separator = line.find(';');
    expect_parses(trim(line.substr(0, separator)), line_number);
    if (separator != std::string::npos) {
      EXPECT_TRUE(elementary) << "line " << line_number << ": a '!' problem with a reference";
      expect_parses(trim(line.substr(separator + 1)), line_number);
      ++counts.references;
    }
  }
  for (const auto& [name, has_source] : family_has_source) {
    EXPECT_TRUE(has_source) << "family '" << name << "' has no '# source:' line";
  }
  return counts;
}

TEST(IntegrateReferenceCorpus, EveryLineParsesAndEveryFamilyHasASource) {
  const CorpusCounts counts =
      check_corpus(std::string(LEIBNIZ_TEST_DATA) + "/integrals_reference.txt");
  EXPECT_GE(counts.problems, 2000);
  EXPECT_GE(counts.references, 1800);
  EXPECT_GE(counts.non_elementary, 50);
}

// Rubi's independent suites, measured apart from the corpus (bench/integrate/from_mathematica.py
// writes them): the development set (Timofeev) and the held-out one (the ten others).
TEST(IntegrateReferenceCorpus, RubisIndependentSuitesParse) {
  const CorpusCounts timofeev = check_corpus(std::string(LEIBNIZ_BENCH_SOURCES) + "/timofeev.txt");
  EXPECT_GE(timofeev.problems, 700);
  EXPECT_GE(timofeev.references, 650);
  const CorpusCounts held_out =
      check_corpus(std::string(LEIBNIZ_BENCH_SOURCES) + "/independent.txt");
  EXPECT_GE(held_out.problems, 780);
  EXPECT_GE(held_out.references, 690);
}

}  // namespace
}  // namespace leibniz
