#!/usr/bin/env bash
# Load test of `abacus serve` on loopback with API keys on: /v1/ask with a few hundred
# distinct generated questions (bench/server/questions.py), at concurrency 1, 16 and 64,
# with wrk; reports requests/s, p50/p99 latency, errors and the server's RSS.
# SOAK_SECS=600 bench/server/run.sh adds a soak at concurrency 16, sampling RSS every 10 s.
# DURATION (default 15 s) is the length of each run. Needs wrk (apt install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=bench/server
DURATION="${DURATION:-15}"
TARGET="${CARGO_TARGET_DIR:-target}"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
cargo build --release --quiet -p abacus-cli
cargo build --release --quiet -p abacus-server --example ask_timing
B="$TARGET/release/abacus"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
export ABACUS_HOME="$WORK/home"
"$B" demo-data --out "$WORK/demo" --seed 42 >/dev/null
N=$(python3 $HERE/questions.py "$WORK/demo" "$WORK/questions.lua")
export QUESTIONS="$WORK/questions.lua"
export KEY="$("$B" keys create --name bench 2>/dev/null)"
PORT="${PORT:-18181}"
# The rate limit is raised so that it does not cap the measurement; the check still runs.
"$B" serve --data "$WORK/demo" --addr "127.0.0.1:$PORT" --rate-limit 1000000 --burst 1000000 >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
echo "questions: $N distinct; cores: $(nproc); duration per run: ${DURATION}s; key auth on; no answer cache"
# Warm-up: every question once (the workers' first use of each code path).
wrk -t1 -c1 -d5s -s $HERE/ask.lua "http://127.0.0.1:$PORT/v1/ask" >/dev/null
echo "rss after warm-up: $(rss) kB"
for C in 1 16 64; do
  T=$(( C < 2 ? 1 : 2 ))
  R=$(wrk -t$T -c$C -d${DURATION}s --timeout 10s -s $HERE/ask.lua "http://127.0.0.1:$PORT/v1/ask" | grep '^{')
  echo "concurrency $C: $R rss_kb=$(rss)"
done
# The HTTP stack's ceiling: the same load with calculations only (the cheapest answers).
python3 $HERE/questions.py "$WORK/demo" "$WORK/calc.lua" calc >/dev/null
R=$(QUESTIONS="$WORK/calc.lua" wrk -t2 -c16 -d${DURATION}s --timeout 10s -s $HERE/ask.lua "http://127.0.0.1:$PORT/v1/ask" | grep '^{')
echo "calculations only, concurrency 16: $R"
# Where the time goes: the assistant's own time per question, from the audit log.
python3 - "$ABACUS_HOME/catalog.sqlite" <<'PY'
import sqlite3, sys
rows = sorted(r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT elapsed_ms FROM audit_log WHERE elapsed_ms IS NOT NULL"))
if rows:
    q = lambda p: rows[min(len(rows) - 1, int(p * len(rows)))]
    print(f"in-server time per question (queue + assistant, audit log, {len(rows)} questions): p50 {q(0.5):.2f} ms, p99 {q(0.99):.2f} ms, mean {sum(rows)/len(rows):.2f} ms")
PY
echo "in-process, no HTTP (one thread, same questions):"
"$TARGET/release/examples/ask_timing" "$ABACUS_HOME" "$WORK/demo" < "$WORK/questions.txt"
curl -s "http://127.0.0.1:$PORT/metrics" | grep '^abacus_answers_total' | sort -t' ' -k2 -nr | head -12
if [ -n "${SOAK_SECS:-}" ]; then
  echo "soak: ${SOAK_SECS}s at concurrency 16"
  wrk -t2 -c16 -d${SOAK_SECS}s --timeout 10s -s $HERE/ask.lua "http://127.0.0.1:$PORT/v1/ask" >"$WORK/soak.txt" &
  WRK=$!
  while kill -0 $WRK 2>/dev/null; do echo "  t=$(date +%s) rss_kb=$(rss)"; sleep 10; done
  grep '^{' "$WORK/soak.txt"
  echo "rss after soak: $(rss) kB"
fi
