#!/usr/bin/env bash
# Question answering: accuracy, wrong answers, latency and the stage that answered,
# per question set and cascade configuration (rules / rules + embeddings / full),
# through ../shared/tools/score_ask.py (one `abacus ask` process per turn, as the
# contract runs it). Writes bench/out/ask.md and bench/out/ask-<set>-<mode>.jsonl.
#
#   bench/ask/run.sh                       # every set found, all three modes
#   SETS="eval/own.jsonl" MODES=full bench/ask/run.sh
#
# Sets: ../shared/eval/dev.jsonl and dev_network.jsonl (when ../shared is present)
# and the project's own sets under eval/ (own, fresh, paraphrases, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9). Needs the models (scripts/setup-models.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
data=${DATA:-$shared/data/sample}
out=$root/bench/out
mkdir -p "$out"
if [ ! -f "$shared/tools/score_ask.py" ] || [ ! -d "$data" ]; then
  echo "bench/ask: $shared/tools/score_ask.py or $data not found; skipped"
  exit 0
fi
(cd "$root" && cargo build --release -q -p abacus-cli)
abacus=${CARGO_TARGET_DIR:-$root/target}/release/abacus
export ABACUS_MODELS=${ABACUS_MODELS:-$root/.models}
if [ -z "${SETS:-}" ]; then
  SETS=""
  for s in "$shared/eval/dev.jsonl" "$shared/eval/dev_network.jsonl" "$root/eval/own.jsonl" \
    "$root/eval/fresh/fresh.jsonl" "$root/eval/models/paraphrases.jsonl" \
    "$root/eval/heldout/heldout.jsonl" "$root/eval/heldout2/heldout2.jsonl" \
    "$root/eval/heldout3/heldout3.jsonl" "$root/eval/heldout4/heldout4.jsonl" "$root/eval/heldout5/heldout5.jsonl" "$root/eval/heldout6/heldout6.jsonl" "$root/eval/heldout7/heldout7.jsonl" "$root/eval/heldout8/heldout8.jsonl" "$root/eval/heldout9/heldout9.jsonl"; do
    [ -f "$s" ] && SETS="$SETS $s"
  done
fi
MODES=${MODES:-"rules embed full"}
results=()
for s in $SETS; do
  name=$(basename "$s" .jsonl)
  for m in $MODES; do
    r=$out/ask-$name-$m.jsonl
    log=$out/ask-$name-$m.answers.jsonl
    : > "$log"
    ABACUS_CASCADE=$m ABACUS_BIN=$abacus ASK_LOG=$log python3 "$shared/tools/score_ask.py" \
      --cases "$s" --data "$data" --jobs 1 --cmd "$root/bench/ask/ask_logged.sh" --out "$r" \
      > "$out/ask-$name-$m.txt" 2>&1
    results+=("$name:$m:$r:$log")
  done
done
python3 "$root/bench/ask/table.py" "${results[@]}" | tee "$out/ask.md"
