"""The page in a real browser: `leibniz serve --port 0` (it prints its URL as its first
line) and headless Chromium through Selenium (Debian's chromium, chromium-driver and
python3-selenium). The server is killed at the end whatever happens; screenshots go to
LEIBNIZ_SCREENSHOTS (the build folder's tests/browser/screenshots)."""
import ctypes
import os
import pathlib
import signal
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

BINARY = os.environ.get("LEIBNIZ_BINARY", "build/leibniz/cli/leibniz")
SCREENSHOTS = pathlib.Path(os.environ.get("LEIBNIZ_SCREENSHOTS", "build/tests/browser/screenshots"))
CHROMEDRIVER = "/usr/bin/chromedriver"
# An upper bound on waiting for the page, never a measured time: the page answers in
# milliseconds; a failure fails at once with the page's state.
WAIT_SECONDS = 15


class Page:
    def __init__(self, url, driver):
        self.url = url.rstrip("/")
        self.driver = driver

    def open(self, fragment=""):
        # A fresh document each time: a change of fragment alone would not reload it.
        self.driver.get("about:blank")
        self.driver.get(f"{self.url}/{fragment}")
        # The page wires its controls after the notes arrive (app.js sets data-ready).
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))

    def screenshot(self, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def die_with_parent():
    """In the server's child process: killed when pytest ends, even if pytest is killed
    (ctest's timeout) before its fixtures can clean up."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


@pytest.fixture(scope="session")
def server():
    process = subprocess.Popen([BINARY, "serve", "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, preexec_fn=die_with_parent)
    try:
        line = process.stdout.readline().strip()
        if not line.startswith("http://"):
            raise RuntimeError(f"leibniz serve did not start: {line!r}")
        yield line
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    # CI runs as root: Chromium's sandbox needs --no-sandbox there; /dev/shm is small in
    # containers.
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,1600", "--disable-gpu", "--no-first-run"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield chrome
    finally:
        chrome.quit()


@pytest.fixture
def page(server, driver, request):
    p = Page(server, driver)
    yield p
    p.screenshot(request.node.name)
