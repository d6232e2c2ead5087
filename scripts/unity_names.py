#!/usr/bin/env python3
"""Names that would meet in a unity build (CMakeLists.txt, CONTRIBUTING.md "Building
fast"): a function, type or constant defined at the top of an anonymous namespace in two
.cpp files of one folder. In one translation unit they collide, or worse, an overload
from the other file is silently chosen; so each must be unique in its folder, or live
once in a header. Prints each such name with its files; exits 1 if there is one."""
import collections
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFINITION = [
    re.compile(r"^(?:struct|class|enum class|enum|union) (\w+)\b(?!;)"),
    re.compile(r"^using (\w+) ="),
    re.compile(r"^(?:static )?(?:constexpr |const |inline |thread_local )+[\w:<>, ]+?[\s*&](\w+)(?:\[\w*\])?\s*[={(]"),
    re.compile(r"^(?:static )?(?:inline )?(?:[\w:<>,]+[\s*&]+)+(\w+)\("),
]
ATTRIBUTE = re.compile(r"^\[\[[\w:]+\]\] ")
SKIP = re.compile(r"^(?:}|#|//|namespace|return|TEST|template|using namespace|using enum)")


def anonymous_names(text):
    names = set()
    depth = 0  # anonymous namespaces open at the top level
    for line in text.splitlines():
        if line.startswith("namespace {"):
            depth += 1
            continue
        if line.startswith("}  // namespace") and depth and "namespace " not in line[3:].replace("// namespace", "", 1):
            depth -= 1
            continue
        if depth == 0 or not line or line[0].isspace() or SKIP.match(line):
            continue
        line = ATTRIBUTE.sub("", line)
        for pattern in DEFINITION:
            m = pattern.match(line)
            if m:
                names.add(m.group(1))
                break
    return names


def main():
    clashes = 0
    folders = collections.defaultdict(list)
    for path in sorted((ROOT / "leibniz").rglob("*.cpp")) + sorted((ROOT / "tests").rglob("*.cpp")):
        folders[path.parent].append(path)
    for folder, files in sorted(folders.items()):
        where = collections.defaultdict(list)
        for path in files:
            for name in anonymous_names(path.read_text(encoding="utf-8")):
                where[name].append(path.relative_to(ROOT).as_posix())
        for name, paths in sorted(where.items()):
            if len(paths) > 1:
                clashes += 1
                print(f"{name}: {', '.join(paths)}")
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main())
