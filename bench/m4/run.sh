#!/usr/bin/env bash
# Side-by-side on M4 Hourly and Weekly: `abacus forecast --models auto` against
# statsforecast AutoETS and AutoTheta (n_jobs=2, warmed up), same horizon, season
# and interval levels. Prints a markdown table and writes it to bench/out/m4.md.
#
#   bench/m4/run.sh            # everything (statsforecast takes several minutes)
#   REUSE_PEER=1 bench/m4/run.sh   # keep earlier statsforecast outputs if present
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${M4_DATA:-$root/../shared/bench/m4}
out=$root/bench/out
mkdir -p "$out/m4"
venv=$root/bench/.venv
py=$venv/bin/python
if [ ! -x "$py" ]; then python3 -m venv "$venv"; fi
"$py" -c "import statsforecast" 2>/dev/null || "$venv/bin/pip" install -q statsforecast
bin=${CARGO_TARGET_DIR:-$root/target}/release/abacus
if [ ! -x "$bin" ]; then (cd "$root" && cargo build --release -p abacus-cli); fi
levels=80,95

for spec in "hourly 48 24" "weekly 13 52"; do
    read -r set h m <<<"$spec"
    # Warm the file cache, then time the whole process (read, forecast, write).
    cat "$data/${set}_train.csv" >/dev/null
    t0=$(date +%s.%N)
    "$bin" forecast --input "$data/${set}_train.csv" --horizon "$h" --season "$m" \
        --models auto --levels "$levels" --output "$out/m4/${set}_abacus.csv"
    t1=$(date +%s.%N)
    echo "{\"seconds\": $(echo "$t1 - $t0" | bc -l)}" >"$out/m4/${set}_abacus_timing.json"
    if [ -z "${REUSE_PEER:-}" ] || [ ! -f "$out/m4/${set}_peer_timings.json" ]; then
        "$py" "$root/bench/m4/peer.py" "$data" "$set" "$h" "$m" "$levels" "$out/m4"
    fi
done

{
    echo "# M4 Hourly and Weekly: Abacus auto vs statsforecast ($(nproc) cores, $(date -u +%Y-%m-%d))"
    echo
    "$py" "$root/bench/m4/score.py" "$data" "$out/m4"
    echo
    echo "OWA relative to the official Naive2. Abacus seconds: the whole \`abacus forecast\` process;"
    echo "statsforecast seconds: the forecast call only (after a warm-up), n_jobs=2. MASE scaling period: 24 hourly, 1 weekly."
} | tee "$out/m4.md"
