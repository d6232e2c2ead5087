#include "tape_compiled.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>

#include "leibniz/core/error.h"
#include "tape_math.h"

// GCC builds one copy of a function per listed architecture and picks one at load time.
// The AVX2 and AVX-512 copies fuse multiply-adds, so a vectorised tanh can differ from
// the scalar one (Tape's) in the last bit; both are within 2 ulp (tape_math_test).
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define LZ_VECTOR_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define LZ_VECTOR_CLONES
#endif

namespace leibniz::graph {
namespace {

using Op = Tape::Op;
using Kind = CompiledTape::Kind;
using Run = CompiledTape::Run;
using Writes = CompiledTape::Writes;

constexpr std::uint32_t kFirst = 0x80000000u;  // the flag bit of an operand
constexpr std::uint32_t kIndex = 0x7fffffffu;
constexpr std::size_t kOps = static_cast<std::size_t>(Op::Sigmoid) + 1;  // the Op enumerators
// Levels of one operation with fewer nodes than this merge into one Ordered run (a
// chain of products has one node a level), so that no run costs more than its nodes.
constexpr std::uint32_t kSmallLevel = 8;

bool is_binary(Op op) { return op == Op::Add || op == Op::Sub || op == Op::Mul || op == Op::Div; }

/// tanh of each of v[0, n), in place: the loop that vectorises.
LZ_VECTOR_CLONES void tanh_in_place(double* v, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) v[i] = tape_tanh(v[i]);
}

/// g[slot] += x, or g[slot] = x on the slot's first write (its flag bit): the reverse
/// sweep then needs no zeroed adjoints. A mask, not a branch: the flags follow the graph.
inline void accumulate(double* g, std::uint32_t slot, double x) {
  const std::uint32_t i = slot & kIndex;
  const std::uint64_t keep = static_cast<std::uint64_t>(slot >> 31) - 1;  // 0 on the first
  g[i] = x + std::bit_cast<double>(std::bit_cast<std::uint64_t>(g[i]) & keep);
}

// The reverse sweep visits positions descending but reads the values and writes the
// adjoints of the level below in random order, lines it has not touched yet; reading
// them ahead (64 KiB of each array, a few levels of a wide graph) hides the misses of a
// graph larger than the caches (once a node: once a line was slower). A graph that fits
// in the caches skips it (ahead 0): there it only costs instructions.
constexpr std::uint32_t kAhead = 8192;
constexpr std::size_t kCachedNodes = std::size_t{1} << 17;  // 1 MiB of values
inline void prefetch_below(const double* v, const double* g, std::uint32_t p, std::uint32_t ahead) {
  const std::uint32_t q = p > ahead ? p - ahead : 0;
  __builtin_prefetch(v + q);
  __builtin_prefetch(g + q, 1);
}

/// g[slot] = x, += x, or as the flag says: the branch is per run, not per node.
template <Writes kW>
inline void write(double* g, std::uint32_t slot, double x) {
  if constexpr (kW == Writes::First) {
    g[slot & kIndex] = x;
  } else if constexpr (kW == Writes::Later) {
    g[slot & kIndex] += x;
  } else {
    accumulate(g, slot, x);
  }
}

// Backward of a binary run: partials(p) gives g[p] times the local derivatives by a and
// by b; written in that order.
template <Writes kA, Writes kB, class Partials>
void backward_binary_as(const Run& r, double* g, const double* v, const std::uint32_t* a,
                        const std::uint32_t* b, std::uint32_t ahead, Partials partials) {
  for (std::uint32_t p = r.end; p-- > r.begin;) {
    if (ahead != 0) prefetch_below(v, g, p, ahead);
    const auto [da, db] = partials(p);
    write<kA>(g, a[p], da);
    write<kB>(g, b[p], db);
  }
}

template <Writes kA, class Partials>
void backward_binary_b(const Run& r, double* g, const double* v, const std::uint32_t* a,
                       const std::uint32_t* b, std::uint32_t ahead, Partials partials) {
  switch (r.b_writes) {
    case Writes::Mixed:
      backward_binary_as<kA, Writes::Mixed>(r, g, v, a, b, ahead, partials);
      break;
    case Writes::First:
      backward_binary_as<kA, Writes::First>(r, g, v, a, b, ahead, partials);
      break;
    case Writes::Later:
      backward_binary_as<kA, Writes::Later>(r, g, v, a, b, ahead, partials);
      break;
  }
}

template <class Partials>
void backward_binary(const Run& r, double* g, const double* v, const std::uint32_t* a,
                     const std::uint32_t* b, std::uint32_t ahead, Partials partials) {
  switch (r.a_writes) {
    case Writes::Mixed: backward_binary_b<Writes::Mixed>(r, g, v, a, b, ahead, partials); break;
    case Writes::First: backward_binary_b<Writes::First>(r, g, v, a, b, ahead, partials); break;
    case Writes::Later: backward_binary_b<Writes::Later>(r, g, v, a, b, ahead, partials); break;
  }
}

// Backward of a unary run: partial(p) gives g[p] times the local derivative.
template <Writes kA, class Partial>
void backward_unary_as(const Run& r, double* g, const double* v, const std::uint32_t* a,
                       std::uint32_t ahead, Partial partial) {
  for (std::uint32_t p = r.end; p-- > r.begin;) {
    if (ahead != 0) prefetch_below(v, g, p, ahead);
    write<kA>(g, a[p], partial(p));
  }
}

template <class Partial>
void backward_unary(const Run& r, double* g, const double* v, const std::uint32_t* a,
                    std::uint32_t ahead, Partial partial) {
  switch (r.a_writes) {
    case Writes::Mixed: backward_unary_as<Writes::Mixed>(r, g, v, a, ahead, partial); break;
    case Writes::First: backward_unary_as<Writes::First>(r, g, v, a, ahead, partial); break;
    case Writes::Later: backward_unary_as<Writes::Later>(r, g, v, a, ahead, partial); break;
  }
}

// Forward of a binary run: v[p] = f(v[a], v[b]). A Chain keeps v[p − 1] in a register
// instead of storing and reloading it (store-to-load latency bounds a chain otherwise).
template <class F>
void forward_binary(const Run& r, double* v, const std::uint32_t* a, const std::uint32_t* b, F f) {
  if (r.kind == Kind::Chain) {
    double carry = v[a[r.begin] & kIndex];
    for (std::uint32_t p = r.begin; p < r.end; ++p) {
      carry = f(carry, v[b[p] & kIndex]);
      v[p] = carry;
    }
    return;
  }
  for (std::uint32_t p = r.begin; p < r.end; ++p) v[p] = f(v[a[p] & kIndex], v[b[p] & kIndex]);
}

// Backward of a Chain of Add (kMul false) or Mul: node p's operand a is p − 1, whose
// adjoint is what its other consumers left plus this node's share, carried in a register.
// If p is the only consumer of p − 1 (the chain slot's first-write flag), the share is
// the whole adjoint and the loop is one multiplication a node, as in the forward.
// Order of the writes as in the general loop: operand a, then b.
template <bool kMul>
void backward_chain(const Run& r, double* g, const double* v, const std::uint32_t* a,
                    const std::uint32_t* b) {
  double gp = g[r.end - 1];
  for (std::uint32_t p = r.end - 1; p > r.begin; --p) {
    const std::uint32_t bp = b[p];
    const double share = kMul ? gp * v[bp & kIndex] : gp;
    accumulate(g, bp, kMul ? gp * v[p - 1] : gp);
    gp = (a[p] & kFirst) != 0 ? share : share + g[p - 1];
    g[p - 1] = gp;
  }
  const std::uint32_t ap = a[r.begin], bp = b[r.begin];
  accumulate(g, ap, kMul ? gp * v[bp & kIndex] : gp);
  accumulate(g, bp, kMul ? gp * v[ap & kIndex] : gp);
}

}  // namespace

CompiledTape::CompiledTape(const Tape& tape, Var output) {
  LZ_ASSERT(output < tape.size(), "the output is a node of the tape");
  const std::size_t n = std::size_t{output} + 1;
  LZ_ASSERT(n <= kIndex, "positions fit in 31 bits");
  const auto arity = [&](std::size_t i) {
    const Op op = tape.op_[i];
    return op == Op::Input ? 0 : is_binary(op) ? 2 : 1;
  };

  // The level of each node: inputs 0, others 1 + the deepest operand.
  std::vector<std::uint32_t> level(n, 0);
  std::uint32_t depth = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int k = arity(i);
    if (k >= 1) level[i] = level[tape.a_[i]] + 1;
    if (k == 2) level[i] = std::max(level[i], level[tape.b_[i]] + 1);
    depth = std::max(depth, level[i]);
  }

  // Positions: sorted by (level, op), recording order within; two stable counting sorts
  // (by op, then by level). A level depends only on earlier levels: a topological order.
  std::vector<std::uint32_t> by_op(n), order(n);
  {
    std::vector<std::size_t> start(kOps + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++start[static_cast<std::size_t>(tape.op_[i]) + 1];
    for (std::size_t k = 1; k <= kOps; ++k) start[k] += start[k - 1];
    for (std::size_t i = 0; i < n; ++i)
      by_op[start[static_cast<std::size_t>(tape.op_[i])]++] = static_cast<std::uint32_t>(i);
  }
  {
    std::vector<std::size_t> start(std::size_t{depth} + 2, 0);
    for (std::size_t i = 0; i < n; ++i) ++start[level[i] + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    for (const std::uint32_t i : by_op) order[start[level[i]]++] = i;
  }
  position_.resize(n);
  for (std::size_t p = 0; p < n; ++p) position_[order[p]] = static_cast<std::uint32_t>(p);
  output_ = position_[output];

  a_.resize(n);
  b_.resize(n);
  value_.resize(n);
  adjoint_.assign(n, 0.0);
  constants_ = tape.constants_;
  for (std::size_t p = 0; p < n; ++p) {
    const std::uint32_t i = order[p];
    const int k = arity(i);
    a_[p] = k >= 1 ? position_[tape.a_[i]] : 0;
    b_[p] = k == 2 ? position_[tape.b_[i]] : tape.op_[i] == Op::Scale ? tape.b_[i] : 0;
    value_[p] = tape.value_[i];
  }

  // Runs: one per (level, op), small levels of one op merged.
  std::uint32_t last_level_size = 0;
  for (std::uint32_t p = 0; p < n;) {
    const std::uint32_t i = order[p];
    std::uint32_t q = p + 1;
    while (q < n && tape.op_[order[q]] == tape.op_[i] && level[order[q]] == level[i]) ++q;
    const Op op = tape.op_[i];
    if (op != Op::Input) {
      const bool merge = !runs_.empty() && runs_.back().op == op && runs_.back().end == p &&
                         last_level_size < kSmallLevel && q - p < kSmallLevel;
      if (merge) {
        runs_.back().end = q;
      } else {
        runs_.push_back({op, Kind::Ordered, p, q});
      }
    }
    last_level_size = q - p;
    p = q;
  }

  // The kind of each run; a Chain has its chained operand in a (Add and Mul commute
  // exactly in floating point).
  for (Run& r : runs_) {
    const bool binary = is_binary(r.op);
    bool independent = true;
    for (std::uint32_t p = r.begin; p < r.end && independent; ++p)
      independent = a_[p] < r.begin && (!binary || b_[p] < r.begin);
    if (independent) {
      r.kind = Kind::Independent;
      continue;
    }
    if (r.op != Op::Add && r.op != Op::Mul) continue;
    bool chain = true;
    for (std::uint32_t p = r.begin + 1; p < r.end && chain; ++p)
      chain = (a_[p] == p - 1) != (b_[p] == p - 1);
    if (!chain) continue;
    for (std::uint32_t p = r.begin + 1; p < r.end; ++p)
      if (b_[p] == p - 1) std::swap(a_[p], b_[p]);
    r.kind = Kind::Chain;
  }

  // The first write to each adjoint in the reverse sweep (positions descending; a node's
  // operand a before its operand b) stores; the nodes never written to are zeroed.
  std::vector<bool> written(n, false);
  const auto write = [&](std::uint32_t& slot) {
    if (written[slot]) return;
    written[slot] = true;
    slot |= kFirst;
  };
  for (std::size_t p = n; p-- > 0;) {
    const int k = arity(order[p]);
    if (k >= 1) write(a_[p]);
    if (k == 2) write(b_[p]);
  }
  for (std::uint32_t p = 0; p < n; ++p)
    if (!written[p] && p != output_) untouched_.push_back(p);

  const auto writes = [](const std::vector<std::uint32_t>& slots, const Run& r) {
    std::uint32_t first = 0;
    for (std::uint32_t p = r.begin; p < r.end; ++p) first += slots[p] >> 31;
    return first == r.end - r.begin ? Writes::First : first == 0 ? Writes::Later : Writes::Mixed;
  };
  for (Run& r : runs_) {
    r.a_writes = writes(a_, r);
    if (is_binary(r.op)) r.b_writes = writes(b_, r);
  }
}

std::size_t CompiledTape::bytes() const {
  return runs_.size() * sizeof(Run) + (a_.size() + b_.size()) * sizeof(std::uint32_t) +
         (value_.size() + adjoint_.size() + constants_.size()) * sizeof(double) +
         (position_.size() + untouched_.size()) * sizeof(std::uint32_t);
}

void CompiledTape::forward() {
  double* v = value_.data();
  const std::uint32_t* a = a_.data();
  const std::uint32_t* b = b_.data();
  const double* c = constants_.data();
  for (const Run& r : runs_) {
    switch (r.op) {
      case Op::Input: break;
      case Op::Add: forward_binary(r, v, a, b, [](double x, double y) { return x + y; }); break;
      case Op::Sub: forward_binary(r, v, a, b, [](double x, double y) { return x - y; }); break;
      case Op::Mul: forward_binary(r, v, a, b, [](double x, double y) { return x * y; }); break;
      case Op::Div: forward_binary(r, v, a, b, [](double x, double y) { return x / y; }); break;
      case Op::Scale:
        for (std::uint32_t p = r.begin; p < r.end; ++p) v[p] = c[b[p]] * v[a[p] & kIndex];
        break;
      case Op::Exp:
        for (std::uint32_t p = r.begin; p < r.end; ++p) v[p] = std::exp(v[a[p] & kIndex]);
        break;
      case Op::Log:
        for (std::uint32_t p = r.begin; p < r.end; ++p) v[p] = std::log(v[a[p] & kIndex]);
        break;
      case Op::Tanh:
        if (r.kind == Kind::Independent) {  // gather the arguments, then one vector loop
          for (std::uint32_t p = r.begin; p < r.end; ++p) v[p] = v[a[p] & kIndex];
          tanh_in_place(v + r.begin, r.end - r.begin);
        } else {
          for (std::uint32_t p = r.begin; p < r.end; ++p) v[p] = tape_tanh(v[a[p] & kIndex]);
        }
        break;
      case Op::Sigmoid:
        for (std::uint32_t p = r.begin; p < r.end; ++p) v[p] = tape_sigmoid(v[a[p] & kIndex]);
        break;
    }
  }
}

void CompiledTape::backward() {
  double* g = adjoint_.data();
  const double* v = value_.data();
  const std::uint32_t* a = a_.data();
  const std::uint32_t* b = b_.data();
  const double* c = constants_.data();
  const std::uint32_t ahead = size() > kCachedNodes ? kAhead : 0;
  g[output_] = 1.0;
  // The adjoints no operation writes are zeroed run by run, just before their run reads
  // them (their lines are then in cache); those of inputs at the end.
  std::size_t zero = untouched_.size();
  // Runs and the nodes in them in reverse: every consumer of a node comes before it, so
  // g[p] is complete when p is reached. The local derivatives as in Tape::backward.
  for (auto r = runs_.rbegin(); r != runs_.rend(); ++r) {
    for (; zero > 0 && untouched_[zero - 1] >= r->begin; --zero) g[untouched_[zero - 1]] = 0.0;
    const Run& run = *r;
    const auto same = [g](std::uint32_t p) { return std::pair{g[p], g[p]}; };
    switch (run.op) {
      case Op::Input: break;
      case Op::Add:
        if (run.kind == Kind::Chain) {
          backward_chain<false>(run, g, v, a, b);
        } else {
          backward_binary(run, g, v, a, b, ahead, same);
        }
        break;
      case Op::Sub:
        backward_binary(run, g, v, a, b, ahead, [g](std::uint32_t p) {
          return std::pair{g[p], -g[p]};
        });
        break;
      case Op::Mul:
        if (run.kind == Kind::Chain) {
          backward_chain<true>(run, g, v, a, b);
          break;
        }
        backward_binary(run, g, v, a, b, ahead, [=](std::uint32_t p) {
          return std::pair{g[p] * v[b[p] & kIndex], g[p] * v[a[p] & kIndex]};
        });
        break;
      case Op::Div:
        backward_binary(run, g, v, a, b, ahead, [=](std::uint32_t p) {
          const double vb = v[b[p] & kIndex];
          return std::pair{g[p] / vb, -(g[p] * v[p] / vb)};
        });
        break;
      case Op::Scale:
        backward_unary(run, g, v, a, ahead, [=](std::uint32_t p) { return g[p] * c[b[p]]; });
        break;
      case Op::Exp:
        backward_unary(run, g, v, a, ahead, [=](std::uint32_t p) { return g[p] * v[p]; });
        break;
      case Op::Log:
        backward_unary(run, g, v, a, ahead,
                       [=](std::uint32_t p) { return g[p] / v[a[p] & kIndex]; });
        break;
      case Op::Tanh:
        backward_unary(run, g, v, a, ahead,
                       [=](std::uint32_t p) { return g[p] * (1.0 - v[p] * v[p]); });
        break;
      case Op::Sigmoid:
        backward_unary(run, g, v, a, ahead,
                       [=](std::uint32_t p) { return g[p] * v[p] * (1.0 - v[p]); });
        break;
    }
  }
  for (; zero > 0; --zero) g[untouched_[zero - 1]] = 0.0;
}

}  // namespace leibniz::graph
