#!/usr/bin/python3
"""Tensors from Python (issue 14): workload T2 of bench/tensor (float32 MLP 2-16-16-1, tanh,
MSE, batch 32, one SGD step) written in Python against leibniz's tensors and against
PyTorch (CPU, the faster of 1 and 2 threads), side by side in one interpreter; and the cost
of moving NumPy arrays in and out (shared memory, so independent of the size).

Usage: PYTHONPATH=build/python /usr/bin/python3 bench/python/tensors.py [iterations]
Prints a Markdown table of medians (microseconds) and ratios.
"""
import statistics
import sys
import time

import numpy as np

import leibniz as lz

ITERATIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000


def median_us(step, iterations):
    for _ in range(max(3, iterations // 10)):  # warm up caches and allocators
        step()
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def leibniz_t2():
    gen = lz.Generator(1)
    net = lz.nn.Sequential(lz.nn.Linear(2, 16, gen), lz.nn.Activation("tanh"),
                           lz.nn.Linear(16, 16, gen), lz.nn.Activation("tanh"),
                           lz.nn.Linear(16, 1, gen))
    x, y = lz.randn([32, 2], gen), lz.randn([32, 1], gen)
    opt = lz.optim.SGD(net.parameters(), lr=0.01)

    def step():
        opt.zero_grad()
        lz.nn.mse_loss(net(x), y).backward()
        opt.step()

    return step


def torch_t2(threads):
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16),
                              torch.nn.Tanh(), torch.nn.Linear(16, 1))
    x, y = torch.randn(32, 2), torch.randn(32, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)

    def step():
        opt.zero_grad()
        torch.nn.functional.mse_loss(net(x), y).backward()
        opt.step()

    return step


def numpy_round_trip(n):
    a = np.ones(n, dtype=np.float32)

    assert np.shares_memory(a, lz.Tensor(a).numpy())

    def step():
        lz.Tensor(a).numpy()

    return step


def main():
    ours = median_us(leibniz_t2(), ITERATIONS)
    torch_runs = {t: median_us(torch_t2(t), ITERATIONS) for t in (1, 2)}
    best = min(torch_runs, key=torch_runs.get)
    print("| workload | leibniz (Python) µs | PyTorch µs | PyTorch / leibniz |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| T2 MLP 2-16-16-1, batch 32, one SGD step | {ours:.1f} | "
          f"{torch_runs[best]:.1f} ({best} thread{'s' if best > 1 else ''}) | "
          f"{torch_runs[best] / ours:.1f}x |")
    print()
    print("| NumPy float32 array -> leibniz.Tensor -> .numpy() | median µs | shares memory |")
    print("| --- | ---: | --- |")
    for n in (10, 10**7):
        print(f"| {n:,} elements | {median_us(numpy_round_trip(n), 2000):.2f} | yes |")


if __name__ == "__main__":
    main()
