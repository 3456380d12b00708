#!/usr/bin/env bash
# Builds the DocC documentation of every library module offline with the toolchain's own docc (no plugin package),
# prints the documentation coverage, and fails on any docc warning or a public declaration without a doc comment.
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
trap 'rm -rf "$work"' EXIT
out=${1:-$work/out}
mkdir -p "$out"

swift build
graphs="$(swift build --show-bin-path)/../symbolgraph"
# A graph left by an earlier dump (an extension since removed) must not be documented.
rm -rf "$graphs"
# It also tries the test runner modules, which a build without tests (a fresh clone) does not have, and then exits
# non-zero; every library module's graph is checked for below instead.
swift package dump-symbol-graph >"$work/dump.log" 2>&1 || true
for module in "${modules[@]}"; do
    [ -f "$graphs/$module.symbols.json" ] || { cat "$work/dump.log"; echo "no symbol graph for $module"; exit 1; }
done

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
    [ -f "$coverage" ] && python3 - "$module" "$coverage" <<'PY'
import json, sys
module, path = sys.argv[1], sys.argv[2]
symbols = [entry for entry in json.load(open(path)) if entry["kind"]["isSymbol"]]
missing = sum(1 for entry in symbols if not entry["hasAbstract"])
print(f"{module}: {len(symbols)} symbols, {len(symbols) - missing} with an abstract, {missing} without "
      "(synthesized or inherited members, see below)")
PY
done

# docc also counts members the compiler synthesizes or another module provides (Equatable's `!=`, Codable and
# RawRepresentable conformances, Sequence methods, a protocol extension's defaults), which have no comment to write;
# every declaration in Sources must have its own.
python3 - "$graphs" "$PWD" "${modules[@]}" <<'PY' || failed=1
import json, sys
graphs, root, modules = sys.argv[1], sys.argv[2], sys.argv[3:]
undocumented = []
for module in modules:
    for symbol in json.load(open(f"{graphs}/{module}.symbols.json"))["symbols"]:
        uri = symbol.get("location", {}).get("uri", "")
        if not uri.startswith(f"file://{root}/Sources/"):
            continue
        comment = symbol.get("docComment") or {}
        lines = [line["text"].strip() for line in comment.get("lines", []) if line["text"].strip()]
        # A comment inherited from a protocol requirement names the requirement's file.
        if not lines or lines[0].startswith("- ") or comment.get("uri", uri) != uri:
            line = symbol["location"]["position"]["line"] + 1
            path = uri.removeprefix(f"file://{root}/")
            undocumented.append(f"{path}:{line}: {'.'.join(symbol['pathComponents'])} has no doc comment of its own")
print("\n".join(undocumented))
print(f"public declarations in Sources without an abstract of their own: {len(undocumented)}")
sys.exit(1 if undocumented else 0)
PY
exit "$failed"
