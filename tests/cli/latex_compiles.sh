#!/usr/bin/env bash
# The LaTeX that leibniz prints compiles in a standard document (amsmath): steps of
# derivatives and antiderivatives, results and matrices, run through pdflatex.
set -euo pipefail
leibniz=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{
  echo '\documentclass{article}'
  echo '\usepackage{amsmath}'
  echo '\begin{document}'
  "$leibniz" diff "(x^2 + y^2)*(x^2*y + y^2*x)" x --steps --latex
  "$leibniz" diff "x^2/y" x --steps --latex
  "$leibniz" diff "e^(x^2 + y^2)" x --steps --latex
  "$leibniz" diff "sigmoid(w1*x + b1)*asec(x)^x" x --steps --latex
  "$leibniz" diff "max(relu(w*x + b), softplus(x)) + min(x, y)" x --steps --latex
  "$leibniz" integrate "x*e^x" x --steps --latex
  "$leibniz" integrate "1/((x+1)*(x^2+1))" x --steps --latex
  "$leibniz" diff "f(g(x,y), h(x,y))" x --steps --latex
  "$leibniz" --function psi diff "g(x,y)*psi(x,y)" x --steps --latex
  echo '\['
  "$leibniz" diff "g(x,y)^2" x x y --latex
  echo '\]'
  "$leibniz" integrate "erf(2*x) + x^3 + sec(x)^3 + x^2/sqrt(x^2 + 2*x + 3)" x --steps --latex
  echo '\['
  "$leibniz" diff "acot(x)*abs(x)/sqrt(1 - x^2)" x --latex
  echo '\]'
  echo '\['
  "$leibniz" hessian "x^3*y^2" x y --latex
  echo '\]'
  echo '\end{document}'
} > "$dir/steps.tex"
if ! (cd "$dir" && pdflatex -interaction=nonstopmode -halt-on-error steps.tex > log.txt 2>&1); then
  grep -A5 '^!' "$dir/log.txt" | head -30
  echo "pdflatex failed on the LaTeX leibniz printed"
  exit 1
fi
echo "1 passed, 0 failed"
