// The graph's name table (name_table.h): every name found after growing, erased names
// gone while the names probed past them stay, and a second insert refused.
#include "leibniz/graph/name_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace leibniz::graph {
namespace {

TEST(NameTable, FindsEveryNameAfterGrowingAndErasing) {
  std::vector<std::string> names;
  NameTable table;
  const auto name_of = [&](NameTable::Id id) -> std::string_view { return names[id]; };
  for (int k = 0; k < 5000; ++k) {
    names.push_back("h_" + std::to_string(k));
    const auto [id, added] = table.insert(names.back(), static_cast<NameTable::Id>(k), name_of);
    EXPECT_TRUE(added);
    EXPECT_EQ(id, static_cast<NameTable::Id>(k));
  }
  for (int k = 0; k < 5000; k += 3) table.erase(names[k], name_of);
  for (int k = 0; k < 5000; ++k) {
    const std::optional<NameTable::Id> found = table.find(names[k], name_of);
    if (k % 3 == 0) {
      EXPECT_FALSE(found) << names[k];
    } else {
      ASSERT_TRUE(found) << names[k];
      EXPECT_EQ(*found, static_cast<NameTable::Id>(k));
    }
  }
  EXPECT_FALSE(table.find("h_5000", name_of));
  EXPECT_FALSE(table.find("", name_of));
}

TEST(NameTable, ASecondInsertGivesTheFirstId) {
  std::vector<std::string> names = {"w", "b", "w"};
  NameTable table;
  table.reserve(3);
  const auto name_of = [&](NameTable::Id id) -> std::string_view { return names[id]; };
  EXPECT_TRUE(table.insert("w", 0, name_of).second);
  EXPECT_TRUE(table.insert("b", 1, name_of).second);
  const auto [id, added] = table.insert("w", 2, name_of);
  EXPECT_FALSE(added);
  EXPECT_EQ(id, 0u);
  table.erase("w", name_of);
  EXPECT_TRUE(table.insert("w", 2, name_of).second);
  EXPECT_EQ(table.find("w", name_of), std::optional<NameTable::Id>(2));
}

TEST(NameTable, EmptyFindsNothing) {
  const NameTable table;
  EXPECT_FALSE(table.find("x", [](NameTable::Id) { return std::string_view(); }));
}

}  // namespace
}  // namespace leibniz::graph
