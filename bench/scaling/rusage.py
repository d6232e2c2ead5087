#!/usr/bin/env python3
"""Runs a command (stdin and stdout passed through) and prints to stderr its processor
time (user + system), its max RSS in KB and its wall time:  rusage.py COMMAND... 2>times
The time comes from wait4, in microseconds (/usr/bin/time rounds it to 10 ms, too coarse
for the small sizes), and includes /usr/bin/time's own fraction of a millisecond. The
memory comes from /usr/bin/time: a process forked from Python starts with Python's
high-water mark (about 14 MB, kept across exec), one forked from /usr/bin/time with 2 MB."""
import os
import subprocess
import sys
import tempfile
import time

with tempfile.NamedTemporaryFile("r") as memory:
    start = time.perf_counter()
    child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", memory.name] + sys.argv[1:])
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    kb = memory.read().split()[-1]
print(f"{usage.ru_utime + usage.ru_stime:.4f} {kb} {wall:.3f}", file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
