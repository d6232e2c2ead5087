"""The leibniz package under test is the build's (PYTHONPATH=build/python, set by ctest);
the command line binary is LEIBNIZ_CLI. Neither missing is skipped: the tests fail."""
import os
import pathlib

import pytest


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("LEIBNIZ_CLI")
    if not path:
        path = str(pathlib.Path(__file__).resolve().parents[2] / "build/leibniz/cli/leibniz")
    assert os.access(path, os.X_OK), f"the leibniz binary is needed at {path} (LEIBNIZ_CLI)"
    return path
