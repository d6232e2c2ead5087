"""Starting and stopping `leibniz serve` for the HTTP tests and the load test: the
server prints its URL as its first line; it is always killed at the end, whatever
happened."""
import atexit
import http.client
import json
import os
import signal
import subprocess
import urllib.parse


class Server:
    def __init__(self, binary, *args):
        self.process = subprocess.Popen(
            [binary, "serve", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        atexit.register(self.kill)
        line = self.process.stdout.readline().strip()
        if not line.startswith("http://"):
            self.kill()
            raise RuntimeError(f"leibniz serve did not start: {line!r} "
                               f"{self.process.stderr.read()!r}")
        self.url = line
        parsed = urllib.parse.urlsplit(line)
        self.host, self.port = parsed.hostname, parsed.port

    def connection(self, timeout=60):
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None):
        """One request on a fresh connection: (status, headers, body bytes)."""
        connection = self.connection()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def api(self, request):
        status, headers, body = self.request(
            "POST", "/api", body=json.dumps(request) if not isinstance(request, (str, bytes))
            else request, headers={"Content-Type": "application/json"})
        return status, headers, json.loads(body)

    def stop(self, sig=signal.SIGTERM, timeout=60):
        """Sends `sig` and returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            status = self.process.wait(timeout=timeout)
            self.stderr = self.process.stderr.read()
            return status
        finally:
            self.kill()

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream and not stream.closed:
                stream.close()


def binary():
    return os.environ.get("LEIBNIZ_BINARY", "build/leibniz/cli/leibniz")
