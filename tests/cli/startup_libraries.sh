#!/usr/bin/env bash
# What `leibniz` loads at start-up (leibniz/cli/doors.h, lazy_library.cpp): the C++ runtime,
# GMP, MPFR and fmt, but not FLINT (loaded on first use), cpp-httplib with OpenSSL or
# Open MPI (which `serve` and `mpirun … train` find in leibniz-doors beside it). Then a
# command that needs FLINT, and `serve`, still work through them.
# Usage: startup_libraries.sh LEIBNIZ
set -euo pipefail
leibniz=$1
needed=$(readelf -d "$leibniz" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if [[ $(uname -m) == x86_64 ]] && grep -E 'libflint|libntl' <<<"$needed"; then
  echo "leibniz loads FLINT at start-up" >&2; exit 1
fi
if grep -E 'httplib|libssl|libcrypto|libmpi' <<<"$needed"; then
  echo "leibniz loads a door's library at start-up" >&2; exit 1
fi
# mimalloc, where the build links it, must come before libc to answer malloc.
if grep -q libmimalloc <<<"$needed" &&
  [[ $(grep -n -E 'libmimalloc|libc\.so' <<<"$needed" | head -1) != *libmimalloc* ]]; then
  echo "leibniz links mimalloc after libc, whose malloc then answers" >&2; exit 1
fi
[[ -x $(dirname "$leibniz")/leibniz-doors ]] || { echo "no leibniz-doors beside leibniz" >&2; exit 1; }

# A rational function cancelled with machine integers needs no FLINT, not even at exit
# (where a thread frees the caches of the libraries it used: core/thread_caches.h).
if [[ $(uname -m) == x86_64 ]]; then
  loaded=$(LD_DEBUG=files "$leibniz" diff '(2*x + 1)/(x^2 + 1)' x 2>&1 >/dev/null)
  if grep -E 'file=libflint' <<<"$loaded"; then
    echo "diff of a quotient loads FLINT" >&2; exit 1
  fi
fi

# FLINT, loaded by the first call into it: a factorisation and a partial fraction.
got=$("$leibniz" integrate '1/(x^3 + 1)' x)
want='atan((2*x - 1)/sqrt(3))/sqrt(3) + ln(abs(x + 1))/3 - ln(abs(x^2 - x + 1))/6'
[[ $got == "$want" ]] || { echo "integrate: got $got" >&2; exit 1; }

# serve, through leibniz-doors: the same process answers on the port it prints.
out=$(mktemp)
trap 'kill "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
"$leibniz" serve --port 0 >"$out" &
pid=$!
for _ in $(seq 100); do [[ -s $out ]] && break; sleep 0.1; done
url=$(head -n1 "$out")
[[ $url == http://127.0.0.1:* ]] || { echo "serve printed: $url" >&2; exit 1; }
[[ $(readlink "/proc/$pid/exe") == */leibniz-doors ]] || { echo "serve is not leibniz-doors" >&2; exit 1; }
kill -TERM "$pid"
wait "$pid"
echo "ok"
