#!/usr/bin/env bash
# `abacus ask --explain …` for score_ask.py's --cmd: prints the answer as is and,
# when ASK_LOG is set, appends it as one line to that file, so that bench/ask/table.py
# can read which stage answered (score_ask.py keeps only status, intent, value, answer).
out=$("$ABACUS_BIN" ask --explain "$@")
rc=$?
printf '%s\n' "$out"
if [ -n "${ASK_LOG:-}" ]; then
  # JSON strings hold no raw newlines, so joining the lines keeps the JSON valid.
  printf '%s' "$out" | tr -d '\n' >> "$ASK_LOG"
  printf '\n' >> "$ASK_LOG"
fi
exit $rc
