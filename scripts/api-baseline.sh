#!/usr/bin/env bash
# The public API of every library module, dumped by the toolchain's swift-api-digester into API/<Module>.json.
#   bash scripts/api-baseline.sh           regenerate API/*.json (commit them with the change that caused them)
#   bash scripts/api-baseline.sh --check   fail, showing what changed, when the public API differs from API/*.json
set -euo pipefail
cd "$(dirname "$0")/.."

modules=(CryptoPayCore UseGateway StoreGateway USDTInvoice OneXGate OpenPOS CryptoPay CryptoPaySandbox
    CryptoPaySandboxServer CryptoPayTesting)

mode=write
case "${1:-}" in
    "") ;;
    --check) mode=check ;;
    *) echo "usage: bash scripts/api-baseline.sh [--check]"; exit 2 ;;
esac

digester=$(command -v swift-api-digester || true)
if [ -z "$digester" ]; then
    digester="$(dirname "$(readlink -f "$(command -v swift)")")/swift-api-digester"
fi
[ -x "$digester" ] || { echo "swift-api-digester not found next to swift"; exit 1; }

log="$(mktemp)"
swift build >"$log" 2>&1 || { cat "$log"; rm -f "$log"; exit 1; }
rm -f "$log"
bin=$(swift build --show-bin-path)
modules_dir="$bin/Modules"
[ -d "$modules_dir" ] || modules_dir="$bin"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/raw" "$work/api"

for module in "${modules[@]}"; do
    # No file paths or tool arguments in the dump, so that it is the same on every machine.
    "$digester" -dump-sdk -module "$module" -I "$modules_dir" -swift-only -avoid-location -avoid-tool-args \
        -abort-on-module-fail -module-cache-path "$work/module-cache" -o "$work/raw/$module.json"
done

# The module files also describe `package` declarations (marked isInternal); the baseline is the public API only.
python3 - "$work/raw" "$work/api" "${modules[@]}" <<'PY'
import json, sys
raw, out, modules = sys.argv[1], sys.argv[2], sys.argv[3:]
type_nodes = {"TypeNominal", "TypeFunc", "TypeNameAlias"}

def prune(node, hidden):
    children = []
    for child in node.get("children", []):
        if child.get("isInternal"):
            continue
        if child.get("kind") not in type_nodes:
            prune(child, hidden)
            # An extension of another module's type that adds nothing public.
            if child.get("isExternal") and not any(c.get("kind") not in type_nodes for c in child.get("children", [])):
                continue
        children.append(child)
    if "children" in node:
        node["children"] = children
    if "conformances" in node:
        node["conformances"] = [c for c in node["conformances"] if c.get("name") not in hidden]

for module in modules:
    root = json.load(open(f"{raw}/{module}.json"))
    hidden = {c["name"] for c in root["ABIRoot"].get("children", []) if c.get("isInternal")}
    prune(root["ABIRoot"], hidden)
    with open(f"{out}/{module}.json", "w") as file:
        json.dump(root, file, indent=2, ensure_ascii=False)
        file.write("\n")
PY

if [ "$mode" = write ]; then
    mkdir -p API
    rm -f API/*.json
    cp "$work/api/"*.json API/
    echo "wrote API/*.json for ${#modules[@]} modules"
    exit 0
fi

changed=0
for module in "${modules[@]}"; do
    if [ ! -f "API/$module.json" ]; then
        echo "API/$module.json is missing"
        changed=1
        continue
    fi
    if ! cmp -s "API/$module.json" "$work/api/$module.json"; then
        changed=1
        echo "== public API of $module differs from API/$module.json:"
        # What was added, removed or changed, one declaration a line; then the breaking changes the digester finds.
        python3 - "API/$module.json" "$work/api/$module.json" <<'PY'
import json, sys
type_nodes = {"TypeNominal", "TypeFunc", "TypeNameAlias"}

def declarations(path):
    found = set()
    def walk(node, prefix):
        for child in node.get("children", []):
            if child.get("kind") in type_nodes:
                continue
            name = f"{prefix}.{child.get('printedName', child.get('name'))}" if prefix else child.get("printedName", "")
            signature = " -> ".join(c.get("printedName", "") for c in child.get("children", [])
                                    if c.get("kind") in type_nodes)
            found.add(f"{child.get('declKind', child.get('kind'))} {name}" + (f": {signature}" if signature else ""))
            walk(child, name)
    walk(json.load(open(path))["ABIRoot"], "")
    return found

old, new = declarations(sys.argv[1]), declarations(sys.argv[2])
for line in sorted(old - new):
    print(f"  - {line}")
for line in sorted(new - old):
    print(f"  + {line}")
if old == new:
    print("  (the same declarations; attributes, conformances or order changed: see the diff below)")
PY
        "$digester" -diagnose-sdk -input-paths "API/$module.json" -input-paths "$work/api/$module.json" \
            -module "$module" -disable-fail-on-error 2>&1 | grep -v -e '^/\*' -e '^$' || true
        diff -u "API/$module.json" "$work/api/$module.json" | head -n 80 || true
    fi
done
if [ "$changed" -ne 0 ]; then
    echo
    echo "The public API changed. If that is deliberate, run 'bash scripts/api-baseline.sh', commit API/*.json with"
    echo "the change, and describe it in CHANGELOG.md."
    exit 1
fi
echo "public API of ${#modules[@]} modules matches API/*.json"
