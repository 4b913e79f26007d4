#!/usr/bin/env bash
# Inventory engine benchmarks (issue 4). Writes bench/out/inventory.md.
#   1. speed: the full plan (forecasting included) for every SKU×location of the
#      sample dataset, per forecast method; forecasting throughput; 100,000
#      generated SKU×locations planned from stored forecasts (+ one what-if).
#   2. achieved service: a replay of the sample's last 180 days, re-planning daily
#      with data before each day, against "order up to 30 days of average sales".
#   3. side by side with Python's stockpyl on 1,800 random textbook cases.
#
#   bench/inventory/run.sh            # DATA=../shared/data/sample by default
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${DATA:-$root/../shared/data/sample}
out=$root/bench/out
mkdir -p "$out"
(cd "$root" && cargo build --release -q -p abacus-inventory --examples)
ex=${CARGO_TARGET_DIR:-$root/target}/release/examples
venv=$root/bench/.venv
py=$venv/bin/python
if [ ! -x "$py" ]; then python3 -m venv "$venv"; fi
"$py" -c "import stockpyl" 2>/dev/null || "$venv/bin/pip" install -q stockpyl

{
  echo "# Inventory engine ($(nproc) cores, $(date -u +%Y-%m-%d))"
  echo
  echo "## 1. Speed"
  echo
  echo '```'
  for m in theta weekday-mean auto; do "$ex/plan_sample" --data "$data" --model "$m" --reps 2; echo; done
  "$ex/forecast_speed" --data "$data" --models weekday-mean,theta,ses,damped,ets,auto
  echo
  "$ex/forecast_accuracy" --data "$data" --models weekday-mean,theta,ses,damped,auto
  echo
  "$ex/retail_backtest" --data "$data" --model theta
  echo
  "$ex/plan_100k"
  echo '```'
  echo
  echo "## 2. Achieved service (replay)"
  echo
  echo '```'
  for m in weekday-mean theta; do
    for v in "spec none" "spec windows" "empirical windows"; do
      set -- $v
      "$ex/service_replay" --data "$data" --model "$m" --safety "$1" --events "$2"; echo
    done
  done
  # Smaller, more frequent orders (EOQ capped at D days of demand, as `abacus
  # plan --max-order-days D`): the configurations of the README's replay table.
  for d in 7 3 2 1; do
    "$ex/service_replay" --data "$data" --model weekday-mean --safety empirical --max-order-days "$d"; echo
  done
  "$ex/service_replay" --data "$data" --model theta --safety empirical --max-order-days 2; echo
  "$ex/service_replay" --data "$data" --model weekday-mean --safety spec --max-order-days 2; echo
  "$ex/service_replay" --data "$data" --model weekday-mean --safety empirical --max-order-days 2 --cover-days 45; echo
  echo '```'
  echo
  echo "## 3. The CLI's plan against an independent recomputation from the raw CSV"
  echo
  abacus=${CARGO_TARGET_DIR:-$root/target}/release/abacus
  if (cd "$root" && cargo build --release -q -p abacus-cli) && "$abacus" plan --help >/dev/null 2>&1; then
    "$abacus" --store "$out/inventory-store" plan --data "$data" --model weekday-mean --events none --json > "$out/inventory-plan.json"
    "$py" "$root/bench/inventory/check_plan.py" "$data" "$out/inventory-plan.json"
  else
    echo "(abacus plan is not wired into the CLI yet)"
  fi
  echo
  echo "## 4. Beside stockpyl"
  echo
  "$py" "$root/bench/inventory/stockpyl_side.py" "$ex/stockpyl_side" 200
} 2>&1 | tee "$out/inventory.md"
