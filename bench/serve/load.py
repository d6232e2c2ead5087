#!/usr/bin/python3
"""Load test of `leibniz serve` on loopback (docs/serve.md "Load"): CLIENTS threads, each
with one kept-alive connection, send the notes' examples (tests/serve/notes_requests.jsonl)
round-robin for SECONDS, then the server is stopped. Reports requests per second,
p50/p99 latency, errors (any status but 200, or an answer that differs from the one
`leibniz batch` gives) and the server's resident memory before and after.

Usage: bench/serve/load.py [--binary BUILD/leibniz/cli/leibniz] [--seconds 30]
                           [--clients 8] [--threads N]
Exit status 1 if there was any error. A Python process per client drives the load, so
the clients share the machine's cores with the server; the figures are a lower bound."""
import argparse
import http.client
import json
import multiprocessing
import os
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "serve"))
from server import Server  # noqa: E402


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    """User and system time the process has used."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sample_rss(pid, stop, peak):
    while not stop.wait(0.25):
        peak[0] = max(peak[0], rss_kib(pid))


def expected_answers(binary, lines):
    out = subprocess.run([binary, "batch"], input="\n".join(lines) + "\n", text=True,
                         capture_output=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def client(host, port, lines, expected, deadline, offset, results):
    latencies, errors = [], 0

    def connect():
        return http.client.HTTPConnection(host, port, timeout=60)

    connection = connect()
    i = offset
    while time.monotonic() < deadline:
        k = i % len(lines)
        i += 1
        start = time.perf_counter()
        try:
            connection.request("POST", "/api", body=lines[k],
                               headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            body = response.read()
            ok = response.status == 200 and json.loads(body) == expected[k]
        except (OSError, http.client.HTTPException, ValueError):
            ok = False
            connection.close()
            connection = connect()
        latencies.append(time.perf_counter() - start)
        errors += not ok
    connection.close()
    results.put((latencies, errors))


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default="build/leibniz/cli/leibniz")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--threads", type=int, default=None, help="the server's --threads")
    args = parser.parse_args()
    if not 0 < args.seconds <= 60 or not 0 < args.clients <= 64:
        parser.error("--seconds is at most 60 and --clients at most 64 (a bounded test)")
    with open(os.path.join(HERE, "..", "..", "tests", "serve", "notes_requests.jsonl")) as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    expected = expected_answers(args.binary, lines)
    extra = ["--threads", str(args.threads)] if args.threads else []
    server = Server(args.binary, *extra)
    try:
        pid = server.process.pid
        rss_before = rss_kib(pid)
        cpu_before = cpu_seconds(pid)
        peak, stop_sampling = [rss_before], threading.Event()
        sampler = threading.Thread(target=sample_rss, args=(pid, stop_sampling, peak))
        sampler.start()
        results = multiprocessing.Queue()
        deadline = time.monotonic() + args.seconds
        clients = [multiprocessing.Process(
            target=client, args=(server.host, server.port, lines, expected, deadline, k, results))
            for k in range(args.clients)]
        started = time.monotonic()
        for c in clients:
            c.start()
        results = [results.get() for _ in clients]
        for c in clients:
            c.join()
        elapsed = time.monotonic() - started
        stop_sampling.set()
        sampler.join()
        rss_after = rss_kib(pid)
        cpu = cpu_seconds(pid) - cpu_before
        status = server.stop()
    finally:
        server.kill()
    latencies = sorted(x for r in results for x in r[0])
    errors = sum(r[1] for r in results)
    count = len(latencies)
    print(f"clients {args.clients}, {elapsed:.1f} s, requests {count}, "
          f"{count / elapsed:.0f} req/s, p50 {percentile(latencies, 50) * 1e3:.2f} ms, "
          f"p99 {percentile(latencies, 99) * 1e3:.2f} ms, errors {errors}, "
          f"server CPU {cpu / max(count, 1) * 1e6:.0f} us/request, "
          f"RSS {rss_before / 1024:.1f} MiB before, {peak[0] / 1024:.1f} MiB peak, "
          f"{rss_after / 1024:.1f} MiB after, server exit {status}")
    return 1 if errors or status != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
