#!/usr/bin/env bash
# Cross-checks `tabella count` (instant-runoff, STV, Schulze) against independent Python implementations on random
# profiles drawn from a seed: stvpoll (IRV and Scottish STV) and schulze-condorcet, installed from PyPI into a
# virtual environment. Prints, per method, how many profiles agree and how many differ for a documented rule; the
# details of each difference go to standard error. Exit status 1 when a difference is unexplained.
# Method and last results: Docs/mixnet.md, "Counting methods".
set -euo pipefail
export LC_ALL=C

usage() {
    cat <<'USAGE'
Usage: Benchmarks/counting-crosscheck.sh [options]

  --profiles N     random profiles per method (default 100)
  --seed N         seed of the profiles (default 2027)
  --tabella PATH   tabella executable (default: .build/debug/tabella, built with
                   `swift build --product tabella` when missing)
  --venv DIR       virtual environment for the Python packages (default: $TMPDIR/tabella-counting-venv)
  -h, --help       this text
USAGE
}

repo=$(cd "$(dirname "$0")/.." && pwd)
profiles=100
seed=2027
tabella=""
venv="${TMPDIR:-/tmp}/tabella-counting-venv"
while [ $# -gt 0 ]; do
    case "$1" in
        --profiles) profiles="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --tabella) tabella="$2"; shift 2 ;;
        --venv) venv="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

if [ -z "$tabella" ]; then
    tabella="$repo/.build/debug/tabella"
    if [ ! -x "$tabella" ]; then
        (cd "$repo" && swift build --product tabella >&2)
    fi
fi

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet stvpoll==0.5.6 schulze-condorcet==2.0.1 >&2

"$venv/bin/python" "$repo/Benchmarks/counting_crosscheck.py" --tabella "$tabella" --profiles "$profiles" \
    --seed "$seed"
