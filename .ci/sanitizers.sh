#!/usr/bin/env bash
# The whole test suite under AddressSanitizer, UndefinedBehaviorSanitizer and ThreadSanitizer, each built in a
# scratch folder of its own (.build-asan, .build-ubsan, .build-tsan) so that the normal build is left as it is.
#
#   .ci/sanitizers.sh [address|undefined|address+undefined|thread ...]   (default: address+undefined, thread)
#
# The Swift compiler has no undefined-behaviour sanitizer on Linux (`-sanitize=undefined` is refused for
# x86_64-unknown-linux-gnu); Swift code traps on overflow and out-of-bounds access by itself in these debug builds.
# `undefined` therefore sanitizes the C code of the build (the dependencies' C and C++ targets and the C headers
# Swift imports) with clang's -fsanitize=undefined in trap mode, which needs no runtime library: undefined
# behaviour stops the test process. address+undefined is one build with both (.build-asan-ubsan).
# A full run takes longer than CI allows (three uncached builds of every dependency), so it is the weekly job
# described in Docs/security.md, not part of .ci/test. Any sanitizer report fails the run (halt_on_error), and the
# script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address+undefined thread)
# Swift Testing runs suites in parallel; the board's storage suite uses PostgreSQL when TABELLA_POSTGRES_URL is set.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=0:detect_stack_use_after_return=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"
status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        undefined) scratch=.build-ubsan ;;
        address+undefined) scratch=.build-asan-ubsan ;;
        thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer $sanitizer (address, undefined, address+undefined or thread)" >&2; exit 2 ;;
    esac
    flags=()
    IFS=+ read -ra names <<<"$sanitizer"
    for name in "${names[@]}"; do
        if [ "$name" = undefined ]; then
            flags+=(-Xcc -fsanitize=undefined -Xcc -fsanitize-trap=undefined)
        else
            flags+=(--sanitize="$name")
        fi
    done
    echo "== $sanitizer: building into $scratch"
    start=$(date +%s)
    swift build --build-tests "${flags[@]}" --scratch-path "$scratch"
    built=$(date +%s)
    echo "== $sanitizer: testing"
    if swift test --skip-build "${flags[@]}" --scratch-path "$scratch"; then
        result=clean
    else
        result=FAILED
        status=1
    fi
    echo "== $sanitizer: $result (build $((built - start)) s, tests $(($(date +%s) - built)) s)"
done
exit $status
