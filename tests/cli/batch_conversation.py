"""`leibniz batch` through pipes (spec §3, app/batch_output.h): a program holding a
conversation gets each answer before it sends the next line; answers to requests sent
together are not held back behind a long request that follows them; a stream comes back
whole and in order; SIGINT and SIGTERM leave whole lines, in order, and end the process
by the signal. Timeouts here bound a hang, not the speed.
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


SLOW = json.dumps({"id": "slow", "op": "expand", "expr": "(x+y+z+w+1)^60"}) + "\n"


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


def start():
    return subprocess.Popen([BINARY, "--timeout", "600", "batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)


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
    feeder = threading.Thread(target=lambda: (p.stdin.write(text.encode()), p.stdin.close()))
    feeder.start()
    out = p.stdout.read().decode()
    feeder.join()
    assert p.wait() == 0
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == [str(i) for i in range(3000)], "answers missing or out of order"


def interrupted(sig):
    p = start()
    text = "".join(request(i) for i in range(3000)) + SLOW
    lines = Lines(p)

    def feed():
        try:
            p.stdin.write(text.encode())
            p.stdin.close()
        except BrokenPipeError:
            pass

    feeder = threading.Thread(target=feed)
    feeder.start()
    lines.wait_for(1)
    p.send_signal(sig)
    while chunk := os.read(lines.fd, 1 << 16):
        lines.data += chunk
    status = p.wait()
    feeder.join()
    assert status == -sig, f"ended with {status}, not by signal {sig}"
    assert lines.data.endswith(b"\n"), "a line cut short"
    ids = [json.loads(line)["id"] for line in lines.data.decode().splitlines()]
    assert ids == [str(i) for i in range(len(ids))], "answers out of order"


conversation()
not_held_behind_a_long_request()
stream()
interrupted(signal.SIGINT)
interrupted(signal.SIGTERM)
print("batch conversation: ok")
