#include "leibniz/nn/dataset.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "leibniz/core/error.h"

namespace leibniz::nn {
namespace {

CsvTable table() {
  return io::parse_csv("f1,f2,label\n1,10,0\n2,20,1\n3,30,2\n4,40,1\n", "d.csv", {true});
}

TEST(Dataset, SplitsFeaturesAndTarget) {
  Dataset d = make_dataset(table(), 2, Task::Classify, tensor::DType::F64);
  EXPECT_EQ(d.x.shape(), tensor::Shape({4, 2}));
  EXPECT_EQ(d.labels, (std::vector<std::int64_t>{0, 1, 2, 1}));
  EXPECT_EQ(d.classes, 3);
  EXPECT_EQ(d.feature_names, (std::vector<std::string>{"f1", "f2"}));
  Dataset first = make_dataset(table(), 0, Task::Regress, tensor::DType::F64);
  EXPECT_EQ(first.y.to_vector(), (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(first.x.to_vector()[1], 0.0);
}

TEST(Dataset, TargetColumnByNameNumberOrPosition) {
  EXPECT_EQ(target_column(table(), "last"), 2);
  EXPECT_EQ(target_column(table(), "first"), 0);
  EXPECT_EQ(target_column(table(), "f2"), 1);
  EXPECT_EQ(target_column(table(), "2"), 1);
  try {
    target_column(table(), "price");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "d.csv: no target column 'price' (3 columns)");
  }
}

TEST(Dataset, NegativeLabelNamesRowAndColumn) {
  CsvTable t = io::parse_csv("1,0\n2,-1\n", "d.csv");
  try {
    make_dataset(t, 1, Task::Classify, tensor::DType::F32);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Domain);
    EXPECT_STREQ(e.what(),
                 "d.csv, row 2, column 2: label -1 is not a class 0..9999; number the classes 0, "
                 "1, 2, ...");
  }
}

TEST(Dataset, SplitIsASeededPartition) {
  Split a = train_val_split(10, 0.3, 5), b = train_val_split(10, 0.3, 5),
        c = train_val_split(10, 0.3, 6);
  EXPECT_EQ(a.val.size(), 3u);
  EXPECT_EQ(a.train.size(), 7u);
  EXPECT_EQ(a.val, b.val);
  EXPECT_NE(a.val, c.val);
  std::vector<std::int64_t> all = a.train;
  all.insert(all.end(), a.val.begin(), a.val.end());
  std::sort(all.begin(), all.end());
  for (std::int64_t i = 0; i < 10; ++i) EXPECT_EQ(all[static_cast<std::size_t>(i)], i);
  EXPECT_THROW(train_val_split(10, 1.0, 1), Error);
}

TEST(Dataset, StandardizerUsesTrainingStatistics) {
  Tensor x = tensor::from_vector({1, 5, 3, 5}, {2, 2}, tensor::DType::F64);
  Standardizer s = Standardizer::fit(x);
  EXPECT_EQ(s.mean, (std::vector<double>{2, 5}));
  EXPECT_EQ(s.scale, (std::vector<double>{1, 1}));  // the constant column keeps scale 1
  EXPECT_EQ(s.apply(x).to_vector(), (std::vector<double>{-1, 0, 1, 0}));
}

TEST(Dataset, MinibatchesAndSubset) {
  auto b = minibatches({4, 3, 2, 1, 0}, 2);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[2], std::vector<std::int64_t>{0});
  EXPECT_THROW(minibatches({1}, 0), Error);
  Dataset d = make_dataset(table(), 2, Task::Classify, tensor::DType::F64);
  Dataset s = subset(d, {3, 0});
  EXPECT_EQ(s.labels, (std::vector<std::int64_t>{1, 0}));
  EXPECT_EQ(s.x.to_vector(), (std::vector<double>{4, 40, 1, 10}));
}

TEST(Dataset, ShuffleIsSeeded) {
  std::vector<std::int64_t> a{0, 1, 2, 3, 4, 5, 6, 7}, b = a;
  tensor::Generator g1(3), g2(3);
  shuffle(a, g1);
  shuffle(b, g2);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7}));
}

}  // namespace
}  // namespace leibniz::nn
