#!/bin/sh
# Writes the model file of the chain h_i = tanh(w*h_{i-1} + b), N steps, to stdout:
#   bench/scaling/chain_model.sh 100000 > /tmp/chain.lz
# The loss is (h_N - y)^2: one node a step plus the loss, so the graph has about 2N
# nodes (the tanh and its argument are one equation node each).
n=${1:?usage: chain_model.sh STEPS}
cat <<MODEL
const T = $n
param w = 0.5
param b = 0.1
input h[0] = 0.3
target y = 0.2
h[t] = tanh(w*h[t-1] + b) for t = 1..T
loss L = (h[T] - y)^2
MODEL
