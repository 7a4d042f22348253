#!/usr/bin/env bash
# Builds the libFuzzer binaries (with AddressSanitizer), writes each target's seeds into its corpus, and fuzzes
# each target for a set time; then replays every kept crash input of Regressions/.
#
#   Tests/Fuzz/run.sh [--seconds N] [--binary core|board] [target ...]
#
# --seconds N   how long each target runs (default 600); 0 replays the seeds and regressions only.
# --binary B    build and run only tabella-fuzz-B (default: both).
# targets       the targets to run (default: all of the binary; `TABELLA_FUZZ_TARGET=list <binary>` lists them).
#
# Corpora grow in .corpus/<target>/ (not committed); a crash, leak, timeout or sanitizer report is written to
# .crashes/<target>-*, and the script exits 1. Keep a crash input as Regressions/<target>/<name> together with a
# unit test of the fixed decoder. The last line of each run (executions, executions per second, coverage) is
# appended to .results.
set -euo pipefail
cd "$(dirname "$0")"
seconds=600
binaries=(core board)
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --binary) binaries=("$2"); shift 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
export TABELLA_FUZZ_VECTORS="$PWD/../../Vectors"
# A leak in a process that exits at once is no finding; ASan's leak check stays on for the fuzzing itself.
# The Swift runtime's backtracer reads its own stack in a way ASan reports; libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
mkdir -p .corpus .crashes
status=0
for binary in "${binaries[@]}"; do
    product="tabella-fuzz-$binary"
    # swiftc keeps only the last of several -sanitize= options (Swift 6.3), and SwiftPM passes one per
    # --sanitize: without the combined option the Swift code would have AddressSanitizer and no coverage.
    build=(swift build --product "$product" --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address)
    "${build[@]}"
    executable="$("${build[@]}" --show-bin-path)/$product"
    names=("${targets[@]}")
    [ ${#names[@]} -eq 0 ] && mapfile -t names < <(TABELLA_FUZZ_TARGET=list "$executable" 2>/dev/null)
    for target in "${names[@]}"; do
        if ! TABELLA_FUZZ_TARGET=list "$executable" 2>/dev/null | grep -qx "$target"; then continue; fi
        export TABELLA_FUZZ_TARGET="$target"
        corpus=".corpus/$target"
        TABELLA_FUZZ_SEEDS="$corpus" "$executable"
        if [ -d "Regressions/$target" ]; then
            echo "== $target: replaying Regressions/$target"
            "$executable" -runs=0 Regressions/"$target"/* || status=1
        fi
        [ "$seconds" -eq 0 ] && { "$executable" -runs=0 "$corpus" || status=1; continue; }
        echo "== $target: fuzzing for $seconds s"
        log=".crashes/$target.log"
        if "$executable" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=65536 \
            -print_final_stats=1 -artifact_prefix=".crashes/$target-" "$corpus" >"$log" 2>&1; then
            result="ok"
        else
            result="FAILED (see $log)"
            status=1
            tail -n 40 "$log" >&2
        fi
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}')
        speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | awk '{print $2}')
        coverage=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | grep -o 'cov: [0-9]* ft: [0-9]*' || true)
        line="$(date -u +%FT%TZ) $target ${seconds}s runs=${runs:-?} exec/s=${speed:-?} ${coverage:-} $result"
        echo "$line" | tee -a .results
    done
done
exit $status
