#!/usr/bin/env bash
# Builds Tabella in release mode and runs every `tabella bench` command, each comparing Tabella with its reference
# in the same process and run. Figures and methods: Docs/benchmarks.md. Pass --json to get machine-readable output.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product tabella
tabella=.build/release/tabella
for bench in $("$tabella" bench --help | awk '/^SUBCOMMANDS:/ {on=1; next} on && NF {print $1}' | grep -v '^help$'); do
    echo "== tabella bench $bench"
    "$tabella" bench "$bench" "$@"
done
