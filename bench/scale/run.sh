#!/usr/bin/env bash
# Scale bench: series per second per core for `abacus forecast` (CLI), the Python
# package in one process, the PySpark recipe under local[2], the Ray recipe on
# one node (num_cpus=2), and statsforecast (AutoETS) bare and through its own
# Spark/Ray path (Fugue), on generated daily retail series of two years.
# Horizon 28, season 7, interval levels 80 and 95 everywhere; 2 cores everywhere.
#
#   bench/scale/run.sh [N] [SUBSET] [SF_SUBSET]    # defaults 10000 2000 500
#
# The CLI and the package run on all N series; the Spark and Ray recipes on the
# first SUBSET of them, statsforecast (≈ 10× slower per series) on the first
# SF_SUBSET, each beside its bare one-process run on the same series, so the
# overheads compare like with like. Results: bench/out/scale/results.jsonl and bench/out/scale.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-10000}
subset=${2:-2000}
sf_subset=${3:-500}
out=$root/bench/out/scale
mkdir -p "$out"
venv=$root/bench/.venv-scale
py=$venv/bin/python
if [ ! -x "$py" ]; then python3 -m venv "$venv"; fi
# statsforecast's Fugue backends want pandas 2; this venv is the bench's alone.
if ! "$py" -c "import statsforecast, fugue_spark, fugue_ray, pyspark, ray, maturin" 2>/dev/null; then
    "$venv/bin/pip" install -q --upgrade pip
    "$venv/bin/pip" install -q "pandas<3" pyarrow pyspark "ray[data]" statsforecast "fugue[spark,ray]" maturin
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
bin=$CARGO_TARGET_DIR/release/abacus
if [ ! -x "$bin" ]; then (cd "$root" && cargo build --release -p abacus-cli); fi
rm -rf "$out/wheels"
(cd "$root/python" && "$venv/bin/maturin" build --release -q --out "$out/wheels" -i "$py")
"$venv/bin/pip" install -q --force-reinstall --no-deps "$out"/wheels/abacus-*.whl

data=$out/data_$n
if [ ! -f "$data/series.parquet" ]; then "$py" "$root/bench/scale/gen.py" "$data" "$n" 730; fi
results=$out/results.jsonl
: >"$results"

# The CLI: the whole process (read CSV, forecast on every core, write CSV).
cat "$data/series.csv" >/dev/null
# CPU seconds (user + sys) too: on a shared machine, series per CPU-second is the per-core rate.
/usr/bin/time -f "%e %U %S" -o "$out/cli.time" "$bin" forecast --input "$data/series.csv" \
    --horizon 28 --season 7 --models auto --levels 80,95 --fill zero --output "$out/out_cli.csv"
read -r wall user sys <"$out/cli.time"
echo "{\"path\": \"cli\", \"series\": $n, \"cores\": 2, \"seconds\": $wall, \"cpu_s\": $(echo "$user + $sys" | bc -l)}" >>"$results"

"$py" "$root/bench/scale/bench.py" package "$data" "$n" "$out" | tee -a "$results"
for run in "package $subset" "spark $subset" "spark_noop $subset" "ray $subset" "ray_noop $subset" \
    "sf_local $sf_subset" "sf_spark $sf_subset" "sf_ray $sf_subset"; do
    read -r path count <<<"$run"
    "$py" "$root/bench/scale/bench.py" "$path" "$data" "$count" "$out" 2>"$out/$path.log" \
        | tee -a "$results" || echo "$path failed: see $out/$path.log"
done
"$py" "$root/bench/scale/summarise.py" "$results" | tee "$root/bench/out/scale.md"
