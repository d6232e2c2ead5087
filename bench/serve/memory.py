#!/usr/bin/python3
"""Memory of `leibniz serve` over many requests (docs/serve.md "Load"): one server,
ROUNDS rounds of 8 client processes x 2,500 requests of the notes' examples, the server's
resident memory printed after each round of 20,000. Every answer must be HTTP 200.

Usage: bench/serve/memory.py [--binary BUILD/leibniz/cli/leibniz] [--rounds 10]
                             [--threads 8]"""
import argparse
import http.client
import multiprocessing
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "serve"))
from server import Server  # noqa: E402
from load import rss_kib  # noqa: E402

CLIENTS, PER_CLIENT = 8, 2500


def client(host, port, lines, offset):
    connection = http.client.HTTPConnection(host, port, timeout=60)
    for i in range(PER_CLIENT):
        connection.request("POST", "/api", body=lines[(offset + i) % len(lines)],
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            sys.exit(f"HTTP {response.status}")
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default="build/leibniz/cli/leibniz")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--threads", type=int, default=8, help="the server's --threads")
    args = parser.parse_args()
    with open(os.path.join(HERE, "..", "..", "tests", "serve", "notes_requests.jsonl")) as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    server = Server(args.binary, "--threads", str(args.threads))
    try:
        print(f"requests 0: RSS {rss_kib(server.process.pid) / 1024:.1f} MiB", flush=True)
        for round in range(1, args.rounds + 1):
            clients = [multiprocessing.Process(target=client,
                                               args=(server.host, server.port, lines, k))
                       for k in range(CLIENTS)]
            for c in clients:
                c.start()
            for c in clients:
                c.join()
            if any(c.exitcode for c in clients):
                return 1
            print(f"requests {round * CLIENTS * PER_CLIENT}: "
                  f"RSS {rss_kib(server.process.pid) / 1024:.1f} MiB", flush=True)
        return server.stop()
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
