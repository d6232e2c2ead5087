"""The backprop workloads through PyTorch (Debian's python3-torch), built node by node
on 0-d float64 tensors as a scalar autograd user writes them (the same graphs as
workloads.h, from the same LCG); plus torch.prod on one tensor as a vectorised
reference for Speelpenning. Prints the rows of timing.h."""
import math
import sys
import time

import torch

MASK = (1 << 64) - 1


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return self.state >> 33

    def uniform(self):
        return (self.next() % 1000000) / 1e6


def speelpenning_inputs(n):
    rng = Lcg(1)
    return [1.0 + (rng.uniform() - 0.5) * 1e-3 for _ in range(n)]


def layered_inputs(width):
    rng = Lcg(2)
    return [0.05 + 0.9 * rng.uniform() for _ in range(width)]


def mlp_data():
    rng = Lcg(4)
    params = [rng.uniform() - 0.5 for _ in range(337)]
    points = []
    for _ in range(100):
        x1 = 2 * rng.uniform() - 1
        x2 = 2 * rng.uniform() - 1
        points += [x1, x2, 1.0 if x1 * x2 > 0 else -1.0]
    return params, points


def speelpenning(x):
    y = x[0]
    for v in x[1:]:
        y = y * v
    return y


def layered(inputs, depth):
    rng = Lcg(3)
    previous = inputs
    width = len(inputs)
    for _ in range(depth):
        current = []
        for _ in range(width):
            a = previous[rng.next() % width]
            b = previous[rng.next() % width]
            op = rng.next() % 4
            if op == 0:
                current.append(a * b)
            elif op == 1:
                current.append(torch.tanh(a + b))
            elif op == 2:
                current.append(torch.tanh(a - b))
            else:
                current.append((a + b) * 0.5)
        previous = current
    total = previous[0]
    for v in previous[1:]:
        total = total + v
    return total


def mlp_loss(p, points):
    loss = 0.0
    for n in range(0, len(points), 3):
        x1, x2, y = points[n], points[n + 1], points[n + 2]
        k = 0
        h1 = []
        for _ in range(16):
            h1.append(torch.tanh(p[k] * x1 + p[k + 1] * x2 + p[k + 2]))
            k += 3
        h2 = []
        for _ in range(16):
            s = p[k]
            k += 1
            for i in range(16):
                s = s + p[k] * h1[i]
                k += 1
            h2.append(torch.tanh(s))
        out = p[k]
        k += 1
        for i in range(16):
            out = out + p[k] * h2[i]
            k += 1
        e = out - y
        loss = loss + e * e
    return loss


def row(workload, nodes, phase, ms, checksum, tool="PyTorch"):
    print(f"{tool}\t{workload}\t{nodes}\t{phase}\t{ms:.4f}\t{checksum:.12g}", flush=True)


def measure(workload, values, build, reps):
    records, backwards, totals = [], [], []
    for _ in range(reps):
        # one leaf tensor per input (unbind() of one tensor makes PyTorch's backward
        # quadratic in the number of inputs)
        leaves = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in values]
        start = time.process_time()
        out = build(leaves)
        built = time.process_time()
        out.backward()
        done = time.process_time()
        records.append(1e3 * (built - start))
        backwards.append(1e3 * (done - built))
        totals.append(1e3 * (done - start))
    med = lambda v: sorted(v)[len(v) // 2]
    nodes = "-"
    row(workload, nodes, "record (taping + values)", med(records), float(out))
    grad_sum = sum(float(x.grad) for x in leaves if x.grad is not None)
    row(workload, nodes, "backward", med(backwards), grad_sum)
    row(workload, nodes, "build + backward", med(totals), grad_sum)


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    # --small: the two big graphs at a tenth of their size (10^5 nodes), for a loaded machine
    small = "--small" in sys.argv
    torch.set_num_threads(1)
    big = 1
    n, depth = (100000, 100) if small else (1000000, 1000)
    sp_name = "speelpenning 1e5" if small else "speelpenning 1e6"
    layered_name = "layered 1000x100" if small else "layered 1000x1000"
    sp = speelpenning_inputs(n)
    measure(sp_name, sp, speelpenning, big)
    # the vectorised reference: one prod node
    times = []
    for _ in range(reps):
        x = torch.tensor(sp, dtype=torch.float64, requires_grad=True)
        start = time.process_time()
        y = torch.prod(x)
        y.backward()
        times.append(1e3 * (time.process_time() - start))
    row(sp_name, "-", "gradient, torch.prod vectorised", sorted(times)[len(times) // 2],
        float(x.grad.sum()), tool="PyTorch (one tensor)")
    measure(layered_name, layered_inputs(1000), lambda x: layered(x, depth), big)
    params, points = mlp_data()
    measure("mlp 2-16-16-1 x100", params, lambda p: mlp_loss(p, points), reps)


if __name__ == "__main__":
    main()
