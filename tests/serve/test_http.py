"""HTTP tests of `leibniz serve` (docs/serve.md): statuses, headers, static files,
the API's answers against `leibniz batch`, slow and concurrent clients, shutdown."""
import concurrent.futures
import json
import os
import select
import signal
import socket
import subprocess
import time

import pytest

from server import Server, binary

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "notes_requests.jsonl")) as f:
    NOTES = [line.rstrip("\n") for line in f if line.strip()]

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


@pytest.fixture(scope="module")
def server():
    running = Server(binary())
    yield running
    assert running.stop() == 0


def batch(lines):
    """What `leibniz batch` answers for each line."""
    out = subprocess.run([binary(), "batch"], input="\n".join(lines) + "\n", text=True,
                         capture_output=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def assert_refusal(body, message):
    assert json.loads(body) == {"id": None, "ok": False,
                                "error": {"kind": "request", "message": message, "pos": None}}


def assert_secured(headers):
    for name, value in SECURITY_HEADERS.items():
        assert headers[name] == value
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy.split("style-src-attr")[0]
    assert "frame-ancestors 'none'" in policy


# --- the API ---------------------------------------------------------------------------

def test_notes_examples_answer_as_batch_does(server):
    expected = batch(NOTES)
    for line, answer in zip(NOTES, expected):
        status, headers, got = server.api(line)
        assert status == 200
        assert got == answer
        assert headers["Content-Type"] == "application/json"
        assert headers["Cache-Control"] == "no-store"
        assert_secured(headers)
    assert expected[0]["ok"] and "steps" in expected[0]
    assert expected[-1]["ok"] is False  # a parse error is still HTTP 200


def test_the_notes_request_gives_the_pages_presets(server):
    """The page's presets come from here: the answer is `leibniz notes --json`'s, and a
    command of the command line alone is refused by name."""
    status, _, got = server.api('{"op": "notes"}')
    assert status == 200
    cli = subprocess.run([binary(), "notes", "--json"], capture_output=True, text=True, check=True)
    assert got == {"id": None, **json.loads(cli.stdout)}
    assert [n["id"] for n in got["networks"]] == ["two_sigmoids", "three_neurons", "recurrent"]
    status, _, got = server.api('{"op": "serve"}')
    assert status == 200
    assert got["error"] == {"kind": "request", "pos": None, "message":
                            "'serve' is a command of the command line, not a request: run leibniz "
                            "serve (leibniz serve --help lists its options)"}


def test_malformed_json_is_400_with_the_batch_error(server):
    for body in ["not json", '{"op": "diff", "expr": ', "", "[1, 2"]:
        status, headers, got = server.api(body)
        assert status == 400
        assert got == batch([body])[0] if body else got["error"]["kind"] == "request"
        assert got["ok"] is False
        assert_secured(headers)
    status, _, got = server.api("not json")
    assert got == {"id": None, "ok": False,
                   "error": {"kind": "request", "message": "the line is not valid JSON (at byte 2)",
                             "pos": None}}


def test_json_that_is_no_request_is_200_and_ok_false(server):
    for body in ['[{"op": "diff", "expr": "x", "wrt": ["x"]}]', "3", '{"op": "fly"}']:
        status, _, got = server.api(body)
        assert status == 200
        assert got == batch([body])[0]
        assert got["ok"] is False and got["error"]["kind"] == "request"


def test_a_script_formula_is_json_data(server):
    status, headers, body = server.request(
        "POST", "/api", body=json.dumps({"op": "simplify", "expr": "<script>alert(1)</script>"}),
        headers={"Content-Type": "application/json"})
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Content-Type-Options"] == "nosniff"
    answer = json.loads(body)
    assert answer["ok"] is False and answer["error"]["kind"] == "parse"


def test_the_api_takes_json_only(server):
    status, headers, body = server.request("POST", "/api", body='{"op": "simplify", "expr": "x"}',
                                           headers={"Content-Type": "text/plain"})
    assert status == 415
    assert_refusal(body, "POST /api takes a JSON request object, with Content-Type: "
                         "application/json")
    status, _, body = server.request("POST", "/api", body='{"op": "simplify", "expr": "x+x"}',
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    assert status == 200 and json.loads(body)["result"] == "2*x"


def test_oversized_body_is_413(server):
    # The length alone is refused, before the body is read.
    with socket.create_connection((server.host, server.port), timeout=60) as s:
        s.sendall(b"POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 1048577\r\n\r\n")
        reply = read_reply(s)
    assert reply.startswith(b"HTTP/1.1 413 ")
    assert_refusal(reply.split(b"\r\n\r\n", 1)[1], "the request body is over 1048576 bytes")
    # A chunked body is counted as it arrives.
    with socket.create_connection((server.host, server.port), timeout=60) as s:
        s.sendall(b"POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"x" * 65536
        try:
            for _ in range(20):
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            s.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server stopped reading at the limit
        reply = read_reply(s)
    assert reply.startswith(b"HTTP/1.1 413 ")
    # A body of exactly the limit is read and answered.
    request = '{"op": "simplify", "expr": "x+x"}'
    status, _, got = server.api(request + " " * (1048576 - len(request)))
    assert status == 200 and got["result"] == "2*x"
    assert_still_serving(server)


def read_reply(s):
    """Everything the server sends until it closes the connection or a response ends."""
    data = b""
    while True:
        try:
            part = s.recv(65536)
        except ConnectionResetError:
            break
        if not part:
            break
        data += part
        head, _, body = data.partition(b"\r\n\r\n")
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:") and len(body) >= int(line[15:]):
                return data
    return data


def assert_still_serving(server):
    status, _, got = server.api({"op": "diff", "expr": "x^2", "wrt": ["x"]})
    assert status == 200 and got["result"] == "2*x"


# --- routes, methods and static files ------------------------------------------------

def test_the_page(server):
    status, headers, body = server.request("GET", "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body.lstrip().lower().startswith(b"<!doctype html>")
    assert_secured(headers)
    assert headers["Cache-Control"] == "no-cache"
    etag = headers["ETag"]
    status, again, body = server.request("GET", "/", headers={"If-None-Match": etag})
    assert status == 304 and body == b"" and again["ETag"] == etag
    status, _, same = server.request("GET", "/static/index.html")
    assert status == 200


@pytest.mark.parametrize("path,content_type", [
    ("/katex/katex.min.js", "text/javascript; charset=utf-8"),
    ("/katex/katex.min.css", "text/css; charset=utf-8"),
    ("/katex/fonts/KaTeX_Main-Regular.woff2", "font/woff2"),
    ("/katex/contrib/auto-render.js", "text/javascript; charset=utf-8"),
])
def test_katex_is_served(server, path, content_type):
    status, headers, body = server.request("GET", path)
    assert status == 200
    assert headers["Content-Type"] == content_type
    assert "max-age" in headers["Cache-Control"]
    with open("/usr/share/javascript/katex" + path[len("/katex"):], "rb") as f:
        assert body == f.read()
    status, headers, body = server.request("HEAD", path)
    assert status == 200 and body == b""


@pytest.mark.parametrize("path", [
    "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fetc%2fpasswd",
    "/katex/../katex/katex.min.js", "/katex/%2e%2e/katex/katex.min.js", "/static//index.html",
    "/static/./index.html", "/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "/static/",
    "/static", "/katex/", "/katex/fonts", "/index.html", "/static/index.html%00.js",
    "/static/index.html/", "/static/INDEX.HTML", "/nowhere", "/api/", "/api/x",
])
def test_anything_else_is_404(server, path):
    status, headers, body = server.request("GET", path)
    assert status == 404
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["error"]["kind"] == "request"
    assert_secured(headers)


@pytest.mark.parametrize("method,path,allow", [
    ("GET", "/api", "POST"), ("PUT", "/api", "POST"), ("DELETE", "/api", "POST"),
    ("POST", "/", "GET, HEAD"), ("PUT", "/katex/katex.min.js", "GET, HEAD"),
    ("OPTIONS", "/api", "POST"),
])
def test_wrong_method_is_405(server, method, path, allow):
    status, headers, body = server.request(method, path, body=b"" if method != "GET" else None)
    assert status == 405
    assert headers["Allow"] == allow
    assert json.loads(body)["ok"] is False


def test_other_hosts_are_refused(server):
    status, headers, body = server.request("GET", "/", headers={"Host": "evil.example:80"})
    assert status == 403
    assert_refusal(body, "this server answers requests to 127.0.0.1 or localhost only")
    assert_secured(headers)
    for host in [f"localhost:{server.port}", f"127.0.0.1:{server.port}", "localhost"]:
        assert server.request("GET", "/", headers={"Host": host})[0] == 200


def test_bad_http_is_400(server):
    with socket.create_connection((server.host, server.port), timeout=60) as s:
        s.sendall(b"NONSENSE\r\n\r\n")
        reply = read_reply(s)
    assert reply.startswith(b"HTTP/1.1 400 ")
    assert b"nosniff" in reply
    assert_still_serving(server)


def send_head(server, head):
    """Sends a request head as it is and reads the reply; (reply, body)."""
    with socket.create_connection((server.host, server.port), timeout=60) as s:
        try:
            s.sendall(head)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server stopped reading at the limit
        reply = read_reply(s)
    return reply, reply.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in reply else b""


def test_100_header_lines_are_read_and_101_are_431(server):
    def head(lines):
        fields = b"".join(b"X-Field-%d: %d\r\n" % (i, i) for i in range(lines - 1))
        return b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields + b"\r\n"
    reply, _ = send_head(server, head(100))
    assert reply.startswith(b"HTTP/1.1 200 ")
    reply, body = send_head(server, head(101))
    assert reply.startswith(b"HTTP/1.1 431 ")
    assert b"Connection: close" in reply and b"nosniff" in reply
    assert_refusal(body, "the request has over 100 header lines")
    assert_still_serving(server)


def test_headers_over_64_kib_are_431(server):
    # Ten lines of 8,000 bytes: each line is within cpp-httplib's 8 KiB, all are not.
    fields = b"".join(b"X-Big-%d: %s\r\n" % (i, b"y" * 8000) for i in range(10))
    reply, body = send_head(server, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields + b"\r\n")
    assert reply.startswith(b"HTTP/1.1 431 ")
    assert_refusal(body, "the request line and headers are over 65536 bytes")
    assert_still_serving(server)


def test_a_header_trickle_is_cut_off(server):
    # A header line a second keeps every read within the 5 s read timeout; the request's
    # headers as a whole are bounded to 10 s, so the server answers long before the
    # client has sent its 60 lines.
    with socket.create_connection((server.host, server.port), timeout=60) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        reply = b""
        for _ in range(60):
            readable, _, _ = select.select([s], [], [], 1.0)
            if readable:
                break
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except (BrokenPipeError, ConnectionResetError):
                break
        reply = read_reply(s)
    assert reply.startswith(b"HTTP/1.1 408 ")
    assert_refusal(reply.split(b"\r\n\r\n", 1)[1], "the request line and headers took over 10 s")
    assert_still_serving(server)


# --- slow and concurrent clients -------------------------------------------------------

def test_slow_clients_are_timed_out_and_others_served():
    # More stalled connections than the server has threads: each is closed after the
    # read timeout, and requests behind them are answered.
    server = Server(binary(), "--threads", "4")
    stalled = []
    try:
        for i in range(10):
            s = socket.create_connection((server.host, server.port), timeout=120)
            s.sendall(b"POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\n" if i % 2 else b"")
            stalled.append(s)
        assert_still_serving(server)
        for s in stalled:
            reply = read_reply(s)  # closed, perhaps with a 4xx for the half request
            assert reply == b"" or reply.startswith(b"HTTP/1.1 4")
        assert_still_serving(server)
        assert server.stop() == 0
    finally:
        for s in stalled:
            s.close()
        server.kill()


def test_concurrent_clients(server):
    expected = batch(NOTES)

    def client(k):
        connection = server.connection()
        try:
            for i in range(50):
                line = NOTES[(k + i) % len(NOTES)]
                connection.request("POST", "/api", body=line,
                                   headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                assert response.status in (200,)
                assert json.loads(response.read()) == expected[(k + i) % len(NOTES)]
        finally:
            connection.close()
        return True

    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        assert all(pool.map(client, range(16)))


# --- starting and stopping -------------------------------------------------------------

@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_server_cleanly(sig):
    running = Server(binary())
    try:
        idle = running.connection()
        idle.request("GET", "/")
        idle.getresponse().read()  # a kept-alive connection does not hold the server up
        assert running.stop(sig) == 0
        assert running.stderr == ""
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((running.host, running.port), timeout=60)
    finally:
        running.kill()


def test_a_request_in_flight_is_answered_after_sigterm():
    running = Server(binary())
    try:
        connection = running.connection()
        # A request whose answer takes a moment: sent, then the signal, then its answer.
        model = open(os.path.join(HERE, "..", "..", "examples", "two_sigmoids.lz")).read()
        body = json.dumps({"op": "backprop", "model": model, "lr": 0.1, "epochs": 20000})
        connection.request("POST", "/api", body=body, headers={"Content-Type": "application/json"})
        time.sleep(0.5)  # not a timing assertion: only lets the request reach the server
        running.process.send_signal(signal.SIGTERM)
        response = connection.getresponse()
        assert response.status == 200
        assert json.loads(response.read())["ok"] is True
        assert running.stop() == 0
    finally:
        running.kill()


def test_a_port_in_use_is_an_error():
    running = Server(binary())
    try:
        other = subprocess.run([binary(), "serve", "--port", str(running.port)],
                               capture_output=True, text=True, timeout=60)
        assert other.returncode == 2
        assert other.stdout == ""
        assert other.stderr == (f"leibniz: request error: cannot listen on 127.0.0.1 port "
                                f"{running.port}: Address already in use\n")
    finally:
        running.stop()


def test_an_address_that_does_not_resolve_is_an_error():
    other = subprocess.run([binary(), "serve", "--host", "nonsense.invalid", "--port", "0"],
                           capture_output=True, text=True, timeout=60)
    assert other.returncode == 2
    assert other.stdout == ""
    assert other.stderr.startswith("leibniz: request error: cannot listen on nonsense.invalid: ")
