#!/usr/bin/env bash
# Builds the DocC documentation of every library module offline with the toolchain's own docc (no plugin package),
# prints how many symbols lack an abstract, and fails on any docc warning.
# Usage: bash scripts/docs.sh [output-dir]   (default: a temporary directory, removed afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."

modules=(CryptoPayCore UseGateway StoreGateway USDTInvoice OneXGate OpenPOS CryptoPay CryptoPaySandbox
    CryptoPaySandboxServer CryptoPayTesting)

docc=$(command -v docc || true)
if [ -z "$docc" ]; then
    docc="$(dirname "$(readlink -f "$(command -v swift)")")/docc"
fi
[ -x "$docc" ] || { echo "docc not found next to swift"; exit 1; }

work=$(mktemp -d)
if [ $# -ge 1 ]; then
    out=$1
    mkdir -p "$out"
    trap 'rm -rf "$work"' EXIT
else
    out="$work/out"
    mkdir -p "$out"
    trap 'rm -rf "$work"' EXIT
fi

swift build
swift package dump-symbol-graph >/dev/null
graphs="$(swift build --show-bin-path)/../symbolgraph"
[ -d "$graphs" ] || { echo "no symbol graphs in $graphs"; exit 1; }

failed=0
for module in "${modules[@]}"; do
    # Only this module's graphs (its own and its extensions of other modules' types): each catalog documents one
    # module, so a link to another module's symbol is written as plain code voice.
    dir="$work/graphs/$module"
    mkdir -p "$dir"
    cp "$graphs/$module.symbols.json" "$dir/"
    for extension in "$graphs/$module@"*.symbols.json; do
        [ -e "$extension" ] && cp "$extension" "$dir/"
    done
    log="$work/$module.log"
    if ! "$docc" convert "Sources/$module/$module.docc" \
        --additional-symbol-graph-dir "$dir" \
        --output-path "$out/$module.doccarchive" \
        --fallback-display-name "$module" \
        --fallback-bundle-identifier "com.cryptopay.$module" \
        --experimental-documentation-coverage --coverage-summary-level brief \
        --warnings-as-errors >"$log" 2>&1; then
        failed=1
        cat "$log"
    fi
    coverage="$out/$module.doccarchive/documentation-coverage.json"
    if [ -f "$coverage" ]; then
        python3 - "$module" "$coverage" <<'PY'
import json, sys
module, path = sys.argv[1], sys.argv[2]
entries = json.load(open(path))
missing = [entry for entry in entries if not entry.get("hasAbstract", False)]
print(f"{module}: {len(entries)} symbols, {len(missing)} without an abstract")
for entry in missing:
    print(f"  no abstract: {entry.get('title', '?')} ({entry.get('referencePath', '?')})")
PY
    else
        echo "$module: no coverage report"
    fi
done
exit "$failed"
