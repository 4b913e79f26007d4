#!/usr/bin/env bash
# Import benchmark: the shared sample dataset (when ../shared is present) and demo
# datasets at scale 1, 2, 5 and 10, each imported into a fresh store. Prints seconds,
# rows per second and peak memory (RSS) per dataset, to check that import time grows
# linearly. Usage: bench/import/run.sh   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet -p abacus-cli
BIN="${CARGO_TARGET_DIR:-target}/release/abacus"
OUT=bench/out; mkdir -p "$OUT"; WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
rows() { # data rows of every CSV in a dataset folder
  local n=0; for f in "$1"/*/*.csv; do n=$((n + $(wc -l < "$f") - 1)); done; echo $n; }
run() { # name dir
  local t0 t1 secs rss rows
  rows=$(rows "$2")
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" --store "$WORK/store-$1" import "$2" >/dev/null
  t1=$(date +%s.%N)
  secs=$(echo "$t1 - $t0" | bc -l); rss=$(cat "$WORK/rss")
  printf "| %s | %d | %.2f | %.0f | %.0f |\n" "$1" "$rows" "$secs" "$(echo "$rows / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}
{
echo "| dataset | rows | seconds | rows/s | peak RSS (MiB) |"
echo "|---|---|---|---|---|"
if [ -d ../shared/data/sample ]; then run sample ../shared/data/sample; else echo "| sample | skipped: ../shared absent | | | |"; fi
for k in 1 2 5 10; do
  "$BIN" demo-data --out "$WORK/demo$k" --scale $k >/dev/null
  run "demo×$k" "$WORK/demo$k"
done
} | tee "$OUT/import.md"
