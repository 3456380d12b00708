#!/usr/bin/env bash
# Regenerates BENCHMARKS.md: a release build of the benchmark, then one run that writes the whole file (the commit,
# the load average, every reference's version, the goals, every figure). Progress goes to the terminal.
# Usage: scripts/benchmarks.sh [extra cryptopay-benchmarks arguments, e.g. --rounds 7]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product cryptopay-benchmarks
output=$(mktemp)
trap 'rm -f "$output"' EXIT
.build/release/cryptopay-benchmarks --markdown "$@" > "$output"
# Copied, not moved: the temporary file's mode (0600) would become BENCHMARKS.md's.
cat "$output" > BENCHMARKS.md
echo "BENCHMARKS.md written" >&2
