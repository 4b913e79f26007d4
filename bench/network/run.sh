#!/usr/bin/env bash
# Network optimisation benchmark: Abacus (Rust, HiGHS via the `highs` crate)
# against highspy solving the same MPS model with the same options.
#
#   bash bench/network/run.sh [TIME_LIMIT_S] [MIP_REL_GAP]     (defaults 120, 0.01)
#
# The network (20 suppliers, 50 candidate facilities with fixed costs, 1,000
# customers, 3 products made from one raw material, continuous flows so both
# solvers face the same 50-binary MIP) is generated deterministically by
# crates/network/examples/bench.rs, which times build + solve in Abacus for the
# baseline and for one what-if (the busiest open facility closed), and writes
# both models as MPS under bench/out/network/.
set -euo pipefail
cd "$(dirname "$0")/../.."
LIMIT="${1:-120}"
GAP="${2:-0.01}"
OUT=bench/out/network
mkdir -p "$OUT"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

cargo build --release -q -p abacus-network --example bench
BIN="${CARGO_TARGET_DIR:-target}/release/examples/bench"

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
fi
bench/.venv/bin/python -c "import highspy" 2>/dev/null || bench/.venv/bin/pip install -q highspy

echo "== Abacus (time limit ${LIMIT}s, mip_rel_gap ${GAP})"
"$BIN" "$OUT" "$LIMIT" "$GAP" > "$OUT/abacus.json"
cat "$OUT/abacus.json"
echo "== highspy on the same MPS"
bench/.venv/bin/python bench/network/highs_peer.py "$OUT" "$LIMIT" "$GAP"

bench/.venv/bin/python - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
a = json.load(open(f"{out}/abacus.json"))
h = json.load(open(f"{out}/highspy.json"))
for case, ak in (("baseline", "baseline_s"), ("whatif", "whatif_s")):
    hs = h[case]["read_s"] + h[case]["solve_s"]
    print(f"{case:8s}: Abacus {a[ak]:8.2f}s (build+solve)  highspy {hs:8.2f}s (read+solve, {h[case]['status']}, gap {h[case]['mip_gap']:.2e}, obj {h[case]['objective']:.2f})  ratio {a[ak]/hs:5.2f}")
print(f"HiGHS {h['highs_version']} in both; Abacus gaps: baseline {a['baseline_gap']:.2e}, what-if {a['whatif_gap']:.2e}")
print(f"Abacus costs: baseline {a['baseline_cost']}, what-if (close {a['closed']}) {a['whatif_cost']}")
PY
