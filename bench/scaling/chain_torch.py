#!/usr/bin/env python3
"""PyTorch eager on the chain of chain_model.sh, whole process as a user runs it:
   python3 bench/scaling/chain_torch.py 100000
builds h_i = tanh(w*h_{i-1} + b) for N steps on one thread, backpropagates
L = (h_N - y)^2 and prints the loss and the gradients (w, b, h_0)."""
import sys

import torch

torch.set_num_threads(1)
n = int(sys.argv[1])
w = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
b = torch.tensor(0.1, dtype=torch.float64, requires_grad=True)
h0 = torch.tensor(0.3, dtype=torch.float64, requires_grad=True)
h = h0
for _ in range(n):
    h = torch.tanh(w * h + b)
loss = (h - 0.2) ** 2
loss.backward()
print(loss.item(), w.grad.item(), b.grad.item(), h0.grad.item())
