#!/usr/bin/env bash
# Sharded verification of one board (issue 14): a 10,000-ballot election made by `tabella demo --keep`, then its
# board verified unsharded in one process, and as n = 1, 2 and 4 shards run as n processes at once (each
# `--jobs 1`) followed by `tabella verify merge`. Every run must give the same verdict; the wall times compare
# 2 processes on the machine's 2 cores against 1 process with one core (the reference of the same run), and against
# 1 process with all cores (`--jobs` = cores). Method and figures: Docs/benchmarks.md, "Sharded verification".
set -euo pipefail
export LC_ALL=C

usage() {
    cat <<'USAGE'
Usage: Benchmarks/sharded-verification.sh [options]

  --voters N      voters of the demonstration election (default 10000)
  --tabella PATH  tabella executable (default: .build/release/tabella)
  --keep DIR      make the election in DIR (created, must not exist) and keep it; an existing DIR with a
                  board/ and board.vkey is reused instead of making a new election
  -h, --help      this text
USAGE
}

repo=$(cd "$(dirname "$0")/.." && pwd)
voters=10000
tabella="$repo/.build/release/tabella"
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --voters) voters="$2"; shift 2 ;;
        --tabella) tabella="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
[ -x "$tabella" ] || { echo "no tabella executable at $tabella (swift build -c release)" >&2; exit 2; }

if [ -n "$keep" ]; then
    work="$keep"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    rmdir "$work"
fi
if [ ! -f "$work/board.vkey" ]; then
    echo "making a $voters-voter election in $work" >&2
    demo_output=$(mktemp)
    "$tabella" demo --voters "$voters" --keep "$work" --json > "$demo_output"
    mv "$demo_output" "$work/demo.json"
fi
vkey=$(cat "$work/board.vkey")
board="$work/board"
cores=$(nproc)

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

# One run: the wall seconds and the verdict line of the merged (or unsharded) report.
verdict() { grep -E '^[0-9]+ of [0-9]+ applicable steps passed|^First failure' "$1" | head -1; }

start=$(now)
"$tabella" verify board "$board" --vkey "$vkey" --jobs 1 > "$work/whole-1.txt" || true
whole1=$(elapsed "$start" "$(now)")
start=$(now)
"$tabella" verify board "$board" --vkey "$vkey" --jobs "$cores" > "$work/whole-all.txt" || true
wholeAll=$(elapsed "$start" "$(now)")

printf '%-34s %9s  %s\n' run "wall s" verdict
printf '%-34s %9.2f  %s\n' "unsharded, 1 process, --jobs 1" "$whole1" "$(verdict "$work/whole-1.txt")"
printf '%-34s %9.2f  %s\n' "unsharded, 1 process, --jobs $cores" "$wholeAll" "$(verdict "$work/whole-all.txt")"
for n in 1 2 4; do
    start=$(now)
    pids=()
    for ((i = 0; i < n; i++)); do
        "$tabella" verify board "$board" --vkey "$vkey" --jobs 1 --shard "$i/$n" \
            --report "$work/shard-$n-$i.json" > /dev/null &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || true; done
    shards=$(elapsed "$start" "$(now)")
    reports=()
    for ((i = 0; i < n; i++)); do reports+=("$work/shard-$n-$i.json"); done
    start=$(now)
    "$tabella" verify merge "${reports[@]}" > "$work/merged-$n.txt" || true
    merge=$(elapsed "$start" "$(now)")
    printf '%-34s %9.2f  %s (merge %.2f s)\n' "$n shard(s), $n process(es), --jobs 1" "$shards" \
        "$(verdict "$work/merged-$n.txt")" "$merge"
done
