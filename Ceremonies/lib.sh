# Shared helpers of the ceremony scripts: find the built `tabella`, make a scratch folder, check results.
# Sourced, not run. Build first with `swift build` (or set TABELLA to a binary).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TABELLA="${TABELLA:-$(cd "$ROOT" && swift build --show-bin-path)/tabella}"
[ -x "$TABELLA" ] || { echo "no tabella binary at $TABELLA; run swift build first" >&2; exit 2; }
TABELLA="$(cd "$(dirname "$TABELLA")" && pwd)/$(basename "$TABELLA")"
SUITE="${CIPHERSUITE:-ristretto255}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tabella-ceremony.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export TABELLA_PASSPHRASE="rehearsal passphrase"
cd "$WORK"

# fail MESSAGE: report a mismatch and stop with a non-zero status.
fail() { echo "MISMATCH: $*" >&2; exit 1; }

# expect_equal WHAT ACTUAL EXPECTED
expect_equal() { [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"; echo "ok: $1 = $3"; }

# trustees NAME...: create one identity per name.
trustees() {
    for name in "$@"; do "$TABELLA" trustee create --name "$name" --ciphersuite "$SUITE" --key "$name.key" >/dev/null; done
}

# json_field FILE FIELD: a top-level string field of a JSON file.
json_field() { sed -n "s/^  \"$2\" : \"\(.*\)\",\{0,1\}$/\1/p" "$1"; }

# start_board ELECTION: three trustees enroll in $GROUP, a native board for ELECTION starts on a free port; sets
# BOARD, VKEY and ON (the options every election command takes) and stops the board on exit.
start_board() {
    for n in 1 2 3; do "$TABELLA" trustee enroll --name "trustee-$n" --group "$GROUP" --key "t$n.key" >/dev/null; done
    "$TABELLA" board keygen --name "localhost/$1" --out board.key >/dev/null
    "$TABELLA" board serve --native "$GROUP" --election "$1" --key board.key --db board.sqlite --port 0 \
        >serve.out 2>serve.err &
    serve=$!
    trap 'kill $serve 2>/dev/null || true; rm -rf "$WORK"' EXIT
    for _ in $(seq 1 100); do grep -q listening serve.out 2>/dev/null && break; sleep 0.1; done
    BOARD="$(sed -n 's/.* listening on \(http[^ ]*\) vkey .*/\1/p' serve.out)"
    VKEY="$(sed -n 's/.* vkey \(.*\)$/\1/p' serve.out)"
    [ -n "$BOARD" ] || fail "the board did not start: $(cat serve.err)"
    ON=(--board "$BOARD" --vkey "$VKEY" --election "$1" --quiet)
}

# create_and_open VOTERS: the authority creates the election of manifest.json for VOTERS voters (credentials in
# creds/), the three trustees run the key ceremony on the board, and the authority opens voting.
create_and_open() {
    "$TABELLA" election create "${ON[@]}" --manifest manifest.json --voters "$1" --credentials creds \
        --key authority.key --trustee t1.key.pub.json --trustee t2.key.pub.json --trustee t3.key.pub.json >/dev/null
    local pids=()
    for n in 1 2 3; do
        "$TABELLA" trustee ceremony "${ON[@]}" --key "t$n.key" --share "t$n.share" --timeout 60 >"ceremony-$n.out" &
        pids+=($!)
    done
    wait "${pids[@]}" || true
    for n in 1 2 3; do grep -q "Ceremony complete" "ceremony-$n.out" || fail "trustee $n: $(cat ceremony-$n.out)"; done
    "$TABELLA" election open "${ON[@]}" --key authority.key >/dev/null
}
