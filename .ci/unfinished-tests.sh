#!/usr/bin/env bash
# Lists the tests of a `swift test` output that started and neither passed nor failed: after a time limit, the
# ones that were hanging.
set -euo pipefail
log="$1"
echo "tests started and not finished:"
# Parameterised cases report only their test's end, so only tests are compared.
sed -nE 's/^◇ Test (.*) started\.$/\1/p' "$log" | grep -v -e '^case passing' -e '^run$' | sort -u > "$log.started"
sed -nE 's/^[✔✘] Test (.*) (passed|failed) after .*/\1/p' "$log" | sed -E 's/ with [0-9]+ test cases?$//' |
    sort -u > "$log.ended"
comm -23 "$log.started" "$log.ended" | sed 's/^/  /'
