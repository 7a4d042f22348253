#!/usr/bin/env bash
# Runs every ceremony script; exits non-zero if any fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for script in 3-of-5.sh 2-of-3-decrypt-absent.sh corrupt-share.sh election-cli.sh ranked-election-cli.sh; do
    echo "== $script"
    bash "$here/$script"
done
