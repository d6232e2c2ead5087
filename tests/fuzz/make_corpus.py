#!/usr/bin/env python3
"""Writes the seed corpora tests/fuzz/corpus/<target>/ from the tests and examples:
the strings the unit tests and transcripts feed each reader. Run from the repository
root; the output is checked in (small), so this is only needed to refresh it."""
import hashlib
import json
import pathlib
import re
import struct

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus"


def cpp_strings(path):
    """The string literals of a C++ test file, escapes undone ("..." and R"j(...)j")."""
    text = (ROOT / path).read_text()
    found = [m.group(1) for m in re.finditer(r'R"j\((.*?)\)j"', text, re.S)]
    text = re.sub(r'R"j\(.*?\)j"', "", text, flags=re.S)
    for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', text):
        found.append(bytes(m.group(1), "utf-8").decode("unicode_escape").encode("latin-1")
                     .decode("utf-8", "replace"))
    return [s for s in found if s and not s.startswith("leibniz/") and not s.endswith(".h")]


def write(target, items, limit=120):
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    seen = set()
    for item in items:
        data = item if isinstance(item, bytes) else item.encode()
        if data in seen or len(seen) >= limit:
            continue
        seen.add(data)
        (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
    print(f"{target}: {len(seen)} seeds")


def transcript_args(name, command):
    """The quoted first argument of each `leibniz COMMAND '...'` line of a transcript."""
    text = (ROOT / "tests/cli" / name).read_text()
    return re.findall(rf"leibniz {command} (?:--\S+ )*'([^']*)'", text) + \
        re.findall(rf'leibniz {command} (?:--\S+ )*"([^"]*)"', text)


def batch_lines():
    lines = []
    for t in (ROOT / "tests/cli").glob("*.txt"):
        for m in re.finditer(r"'(\{[^']*\})'", t.read_text()):
            lines.append(m.group(1))
    lines += [s for s in cpp_strings("tests/app/batch_test.cpp") if s.startswith("{")]
    # The ops of spec §3 version 2: backprop on a model's text, check, definite integrals.
    for f in sorted((ROOT / "examples").glob("*.lz")):
        lines.append(json.dumps({"id": f.stem, "op": "backprop", "model": f.read_text(), "lr": 0.1}))
    lines.append(json.dumps({"id": "c", "op": "check", "expr": "x^2", "derivative_of": "x^3/3",
                             "wrt": ["x"]}))
    lines.append(json.dumps({"id": "i", "op": "integrate", "expr": "x^2", "wrt": "x", "from": 0,
                             "to": 1}))
    return [l for l in lines if valid_json(l)] + ["not json", "[1,2]", '{"id":1}']


def valid_json(line):
    try:
        json.loads(line)
        return True
    except ValueError:
        return False


def model_files():
    files = sorted((ROOT / "examples").glob("*.lz")) + sorted((ROOT / "tests/graph/bad").glob("*.lz"))
    models = [f.read_text() for f in files]
    for test in ("model_file_test.cpp", "graph_build_test.cpp", "index_expand_test.cpp"):
        models += [s for s in cpp_strings(f"tests/graph/{test}") if "=" in s and "\n" in s]
    return models


def csv_files():
    files = sorted((ROOT / "examples").rglob("*.csv")) + sorted((ROOT / "tests/graph/bad").glob("*.csv"))
    out = []
    for f in files:
        text = f.read_text()[:2000]
        header = "1" if re.match(r"[A-Za-z_]", text) else "0"  # first byte: header or not
        out.append(header + text)
    out += ["0" + s for s in cpp_strings("tests/io/csv_test.cpp") if "," in s]
    return out


def safetensors(header, data=b""):
    raw = json.dumps(header).encode()
    return struct.pack("<Q", len(raw)) + raw + data


def safetensors_files():
    one = struct.pack("<f", 1.5)
    two = struct.pack("<2d", 0.25, -3.0)
    return [
        safetensors({"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}, one),
        safetensors({"__metadata__": {"epoch": "3"},
                     "b": {"dtype": "F64", "shape": [2], "data_offsets": [0, 16]}}, two),
        safetensors({"m": {"dtype": "F32", "shape": [2, 1], "data_offsets": [0, 8]},
                     "s": {"dtype": "F32", "shape": [], "data_offsets": [8, 12]}}, one * 3),
        safetensors({"x": {"dtype": "I64", "shape": [1], "data_offsets": [0, 8]}}, b"\0" * 8),
        safetensors({}),
    ]


if __name__ == "__main__":
    text = cpp_strings("tests/expr/parse_text_test.cpp")
    for command in ("diff", "simplify", "eval", "grad", "integrate", "check"):
        text += [a for name in ("diff.txt", "simplify.txt", "eval.txt", "grad.txt",
                                "integrate.txt", "check.txt", "bad_input.txt")
                 for a in transcript_args(name, command)]
    write("text", text)
    write("latex", cpp_strings("tests/expr/parse_latex_test.cpp") +
          [a for a in transcript_args("diff.txt", "diff") if "\\" in a])
    write("batch_line", batch_lines())
    write("model_file", model_files())
    write("csv", csv_files())
    write("safetensors", safetensors_files())
