#!/usr/bin/env bash
# Fund engine benchmark: 10,000 synthetic funds x 10 years of daily NAVs (deterministic).
# Abacus (crates/funds/examples/bench.rs) and a numpy/pandas reference compute every metric of
# spec/metrics.md; prints both timings, the time per screen, and the largest relative difference
# between the two (must be <= 1e-9). Writes bench/out/funds.md.
#
#   bench/funds/run.sh            # N_FUNDS=10000 by default
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${N_FUNDS:-10000}
out=$root/bench/out
data=$out/funds/data-$n
mkdir -p "$out/funds"
venv=$root/bench/.venv
py=$venv/bin/python
if [ ! -x "$py" ]; then python3 -m venv "$venv"; fi
"$py" -c "import numpy, pandas" 2>/dev/null || "$venv/bin/pip" install -q numpy pandas
if [ ! -f "$data/nav.bin" ]; then "$py" "$root/bench/funds/gen.py" "$data" "$n"; fi

(cd "$root" && cargo build --release -q -p abacus-funds --example bench)
bin=${CARGO_TARGET_DIR:-$root/target}/release/examples/bench
abacus=$("$bin" "$data" "$out/funds/abacus_metrics.csv")
reference=$("$py" "$root/bench/funds/reference.py" "$data" "$out/funds/abacus_metrics.csv")

"$py" - "$abacus" "$reference" "$n" <<'PY' | tee "$out/funds.md"
import json, os, sys
a, r, n = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
print(f"# Fund engine: {a['funds']} funds, {a['nav_rows']:,} NAV rows ({os.cpu_count()} cores)\n")
print("| | Abacus | numpy/pandas reference |\n|---|---|---|")
print(f"| all metrics, all funds (s) | {a['abacus_metrics_seconds']:.3f} ({a['threads']} threads), "
      f"{a['abacus_metrics_seconds_1_thread']:.3f} (1 thread) | {r['python_metrics_seconds']:.2f} (per-fund numpy loop) |")
print(f"| one screen (ms) | {a['abacus_screen_ms']:.3f} (parse + filter + sort) | {r['python_screen_ms']:.3f} (pandas filter + sort) |")
print(f"\nvalues compared: {r['values_compared']:,}; undefined in both: {r['undefined_in_both']:,}; "
      f"defined in only one: {r['definedness_mismatches']}")
print(f"max relative difference: {r['max_relative_difference']:.3e} "
      f"(values >= 1e-6 in magnitude: {r['max_relative_difference_abs_ge_1e-6']:.3e}; max absolute {r['max_absolute_difference']:.3e})")
print(f"metric cache: {a['cache_bytes']:,} bytes, encode + decode {a['cache_encode_decode_seconds']:.3f} s; "
      f"loading the synthetic files: {a['load_seconds']:.2f} s")
ok = r["definedness_mismatches"] == 0 and r["max_relative_difference"] <= 1e-9
print("\nPASS" if ok else "\nFAIL: the figures differ")
sys.exit(0 if ok else 1)
PY
