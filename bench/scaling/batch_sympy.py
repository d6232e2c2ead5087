#!/usr/bin/env python3
"""SymPy on the batch stream of workload.py, in one process as a user writes it: for
each JSON line, parse the expression, differentiate, print the result as a JSON line.
   python3 bench/scaling/workload.py batch 1000 | python3 bench/scaling/batch_sympy.py
Only str() is printed (leibniz also prints LaTeX on every line), so SymPy does less."""
import json
import sys

from sympy import diff
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

TRANSFORMATIONS = standard_transformations + (convert_xor,)  # x^2 is a power, as in leibniz

for line in sys.stdin:
    if not line.strip():
        continue
    request = json.loads(line)
    expr = parse_expr(request["expr"], transformations=TRANSFORMATIONS)
    result = diff(expr, *request["wrt"])
    print(json.dumps({"id": request["id"], "ok": True, "result": str(result)}))
