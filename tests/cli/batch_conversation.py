"""`leibniz batch` through pipes (spec §3, app/batch_output.h): a program holding a
conversation gets each answer before it sends the next line; answers to requests sent
together are not held back behind a long request that follows them; a stream comes back
whole and in order; SIGINT and SIGTERM leave whole lines, in order, and end the process
by the signal, also when nobody reads the output; an ignored SIGINT stays ignored.
Timeouts here bound a hang, not the speed.
   python3 batch_conversation.py LEIBNIZ_BINARY"""
import json
import os
import select
import signal
import subprocess
import sys
import threading

BINARY = sys.argv[1]
HANG = 120  # seconds


def request(i, expr="x^{i}*sin(x)"):
    return json.dumps({"id": str(i), "op": "diff", "expr": expr.format(i=i), "wrt": ["x"]}) + "\n"


# Seconds of work (a printable answer of 270,725 terms), minutes under the sanitizers.
SLOW = json.dumps({"id": "slow", "op": "expand", "expr": "(x+y+z+w+1)^48"}) + "\n"


class Lines:
    """The process's output read as it comes, without Python's buffering in the way."""

    def __init__(self, process):
        self.fd = process.stdout.fileno()
        self.data = b""

    def wait_for(self, count):
        while self.data.count(b"\n") < count:
            ready, _, _ = select.select([self.fd], [], [], HANG)
            assert ready, f"no answer within {HANG} s; so far {self.data!r}"
            chunk = os.read(self.fd, 1 << 16)
            assert chunk, f"the output ended; so far {self.data!r}"
            self.data += chunk
        whole = self.data[: self.data.rfind(b"\n") + 1]
        return [json.loads(line) for line in whole.decode().splitlines()]


def start(**options):
    return subprocess.Popen([BINARY, "--timeout", "600", "batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, **options)


def feed(p, text, close=True):
    """Writes text to the process's input from a thread (the pipes are small)."""

    def write():
        try:
            p.stdin.write(text.encode())
            p.stdin.flush()
            if close:
                p.stdin.close()
        except BrokenPipeError:
            pass

    feeder = threading.Thread(target=write)
    feeder.start()
    return feeder


def ended_by(p, sig):
    try:
        status = p.wait(timeout=HANG)
    except subprocess.TimeoutExpired:
        p.kill()
        raise AssertionError(f"still running {HANG} s after signal {sig}")
    assert status == -sig, f"ended with {status}, not by signal {sig}"


def conversation():
    p = start()
    lines = Lines(p)
    for i in range(50):
        p.stdin.write(request(i).encode())
        p.stdin.flush()
        answers = lines.wait_for(i + 1)  # the answer comes before the next line is sent
        assert answers[i]["id"] == str(i) and answers[i]["ok"], answers[i]
    p.stdin.close()
    assert p.wait() == 0


def not_held_behind_a_long_request():
    p = start()
    lines = Lines(p)
    p.stdin.write(("".join(request(i) for i in range(3)) + SLOW).encode())
    p.stdin.flush()
    answers = lines.wait_for(3)
    # The long request takes seconds (more under the sanitizers); its answer is not needed.
    assert lines.data.count(b"\n") == 3, "the answers waited for the long request"
    assert [a["id"] for a in answers] == ["0", "1", "2"], answers
    p.kill()
    p.wait()


def stream():
    p = start()
    text = "".join(request(i) + ("\n" if i % 7 == 0 else "") for i in range(3000))
    feeder = feed(p, text)
    out = p.stdout.read().decode()
    feeder.join()
    assert p.wait() == 0
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == [str(i) for i in range(3000)], "answers missing or out of order"


def interrupted(sig):
    p = start()
    lines = Lines(p)
    feeder = feed(p, "".join(request(i) for i in range(3000)), close=False)  # it never ends
    lines.wait_for(1)
    p.send_signal(sig)
    while True:
        ready, _, _ = select.select([lines.fd], [], [], HANG)
        assert ready, f"no end within {HANG} s of signal {sig}"
        chunk = os.read(lines.fd, 1 << 16)
        if not chunk:
            break
        lines.data += chunk
    ended_by(p, sig)
    feeder.join()
    assert lines.data.endswith(b"\n"), "a line cut short"
    ids = [json.loads(line)["id"] for line in lines.data.decode().splitlines()]
    assert ids == [str(i) for i in range(len(ids))], "answers out of order"


def interrupted_while_nobody_reads():
    p = start()
    feeder = feed(p, "".join(request(i) for i in range(20000)), close=False)
    # Let the output pipe fill (a wait, not a measurement: the test holds either way).
    threading.Event().wait(0.5)
    p.send_signal(signal.SIGTERM)
    ended_by(p, signal.SIGTERM)
    p.stdout.close()
    feeder.join()


def ignored_interrupt():
    p = start(preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    lines = Lines(p)
    text = "".join(request(i) for i in range(2000))
    feeder = feed(p, text[: len(text) // 2], close=False)
    lines.wait_for(1)
    p.send_signal(signal.SIGINT)  # ignored, as the process was started
    feeder.join()
    feeder = feed(p, text[len(text) // 2 :])
    answers = lines.wait_for(2000)
    feeder.join()
    assert p.wait(timeout=HANG) == 0
    assert [a["id"] for a in answers] == [str(i) for i in range(2000)]


conversation()
not_held_behind_a_long_request()
stream()
interrupted(signal.SIGINT)
interrupted(signal.SIGTERM)
interrupted_while_nobody_reads()
ignored_interrupt()
print("batch conversation: ok")
