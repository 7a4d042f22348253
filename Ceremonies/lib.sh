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
