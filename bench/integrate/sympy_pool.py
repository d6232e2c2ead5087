"""SymPy's side of the corpus benchmark: sympy.integrate in worker processes with a hard
per-problem time limit (a worker past its limit is killed and replaced), and a budget for
the whole side, so that the run takes a bounded time.

Each worker answers in two messages: ("integrated", seconds, solved, size) as soon as
integrate returns, then ("verified", True/False/None) once the answer has been
differentiated back (corpus_lib.derivative_agrees); the check has its own limit.
"""
import multiprocessing
import multiprocessing.connection
import time
from dataclasses import dataclass

import sympy

import corpus_lib

VERIFY_SECONDS = 20


@dataclass
class SympyResult:
    status: str  # "solved", "unsolved" (an Integral left), "limit", "error", "not run"
    seconds: float | None = None
    size: int | None = None
    verified: bool | None = None  # for "solved": True, False (wrong), None (not decided)


def _worker(conn):
    while True:
        text = conn.recv()
        try:
            f = corpus_lib.to_sympy(text)
            start = time.process_time()
            F = sympy.integrate(f, corpus_lib.x)
            seconds = time.process_time() - start
        except Exception:  # SymPy failing is an answer of its own: no antiderivative
            conn.send(("error",))
            continue
        solved = not F.has(sympy.Integral)
        conn.send(("integrated", seconds, solved, corpus_lib.tree_size(F) if solved else None))
        if solved:
            try:
                verified = corpus_lib.derivative_agrees(f, F)
            except Exception:  # an answer mpmath cannot evaluate: undecided
                verified = None
            conn.send(("verified", verified))


class _Worker:
    def __init__(self, context):
        self.context = context
        self.task = None  # (index, phase, deadline)
        self._start()

    def _start(self):
        self.conn, child = self.context.Pipe()
        self.process = self.context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def restart(self):
        self.process.kill()
        self.process.join()
        self.conn.close()
        self._start()

    def close(self):
        self.process.kill()
        self.process.join()


def run_sympy(integrands, timeout, jobs, budget, verify_seconds=VERIFY_SECONDS, progress=None):
    """A SympyResult per integrand (leibniz syntax). Problems not started within `budget`
    seconds are "not run". Must run before leibniz is imported: workers are forked."""
    context = multiprocessing.get_context("fork")
    workers = [_Worker(context) for _ in range(max(1, jobs))]
    results = [SympyResult("not run") for _ in integrands]
    start = time.monotonic()
    pending = list(range(len(integrands)))
    try:
        while True:
            for w in workers:
                if w.task is None and pending and time.monotonic() - start < budget:
                    i = pending.pop(0)
                    w.conn.send(integrands[i])
                    w.task = (i, "integrate", time.monotonic() + timeout)
            busy = [w for w in workers if w.task is not None]
            if not busy:
                break
            wait = max(0.0, min(w.task[2] for w in busy) - time.monotonic())
            ready = multiprocessing.connection.wait([w.conn for w in busy], timeout=wait)
            now = time.monotonic()
            for w in busy:
                i, phase, deadline = w.task
                if w.conn in ready:
                    message = w.conn.recv()
                    if message[0] == "error":
                        results[i] = SympyResult("error")
                        w.task = None
                    elif message[0] == "integrated":
                        _, seconds, solved, size = message
                        results[i] = SympyResult("solved" if solved else "unsolved", seconds, size)
                        w.task = (i, "verify", now + verify_seconds) if solved else None
                    else:
                        results[i].verified = message[1]
                        w.task = None
                    if w.task is None and progress:
                        progress()
                elif now >= deadline:
                    if phase == "integrate":
                        results[i] = SympyResult("limit", timeout)
                    w.restart()  # a check past its limit leaves verified None
                    w.task = None
                    if progress:
                        progress()
    finally:
        for w in workers:
            w.close()
    return results
