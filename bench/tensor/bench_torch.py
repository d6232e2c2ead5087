#!/usr/bin/python3
"""The speed workloads of issue 6 through PyTorch on the CPU (see bench_tensor.cpp).

Usage: bench_torch.py T1|T2|T3 THREADS [iterations]
Prints: T1 median_us 1234.5 peak_mib 240.0
"""
import resource
import statistics
import sys
import time

import torch

which = sys.argv[1]
torch.set_num_threads(int(sys.argv[2]))
torch.manual_seed(1)

if which == "T1":
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256),
                                torch.nn.ReLU(), torch.nn.Linear(256, 10))
    x = torch.randn(128, 784)
    labels = torch.randint(0, 10, (128,))
    loss_fn = lambda: torch.nn.functional.cross_entropy(model(x), labels)
    iterations = 300
elif which == "T2":
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.Tanh(),
                                torch.nn.Linear(16, 1))
    x = torch.randn(32, 2)
    y = torch.randn(32, 1)
    loss_fn = lambda: torch.nn.functional.mse_loss(model(x), y)
    iterations = 5000
else:
    model = torch.nn.RNN(32, 128)
    x = torch.randn(50, 32, 32)
    y = torch.randn(32, 128)
    loss_fn = lambda: torch.nn.functional.mse_loss(model(x)[0][-1], y)
    iterations = 300
if len(sys.argv) > 3:
    iterations = int(sys.argv[3])

opt = torch.optim.SGD(model.parameters(), lr=0.01)


def step():
    opt.zero_grad()
    loss_fn().backward()
    opt.step()


for _ in range(max(3, iterations // 10)):
    step()
times = []
for _ in range(iterations):
    t0 = time.perf_counter()
    step()
    times.append((time.perf_counter() - t0) * 1e6)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{which} median_us {statistics.median(times):.3f} peak_mib {peak:.1f}")
