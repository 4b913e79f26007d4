#!/usr/bin/env python3
"""One markdown row per (set, mode) from score_ask.py result files: accuracy, wrong
answers, latency percentiles and which stage answered, read from the answers'
`explain` logged by ask_logged.sh ("stage: embeddings answered", "stage: generative
model answered", otherwise the rules). The log is in the order the turns ran
(--jobs 1); each entry is matched to its result by the answer text.
Usage: table.py NAME:MODE:RESULTS.jsonl:ANSWERS.jsonl ..."""
import json
import math
import sys


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, max(0, math.ceil(p * len(v)) - 1))] if v else float("nan")


print("| set (turns) | config | accuracy | wrong | p50 | p95 | answered by rules / embeddings / generative |")
print("|---|---|---|---|---|---|---|")
for arg in sys.argv[1:]:
    name, mode, path, log = arg.split(":", 3)
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    answers = [json.loads(line) for line in open(log, encoding="utf-8") if line.strip()]
    by_answer = {}
    for a in answers:
        by_answer.setdefault(a.get("answer"), []).append(a)
    lat = [r["latency"] for r in rows if r.get("latency") is not None]
    stages = {"rules": 0, "embeddings": 0, "generative": 0}
    for r in rows:
        got = r.get("got") or {}
        if got.get("status") != "answered":
            continue
        # Equal answers (the same question twice) are taken in the order they ran.
        same = by_answer.get(got.get("answer")) or [{}]
        entry = same.pop(0) if len(same) > 1 else same[0]
        explain = entry.get("explain") or ""
        if "stage: embeddings answered" in explain:
            stages["embeddings"] += 1
        elif "stage: generative model answered" in explain:
            stages["generative"] += 1
        else:
            stages["rules"] += 1
    acc = sum(1 for r in rows if r["ok"]) / max(1, len(rows))
    wrong = sum(1 for r in rows if r["wrong"])
    ms = lambda s: f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"
    emb = "–" if mode == "rules" else str(stages["embeddings"])
    gen = str(stages["generative"]) if mode == "full" else "–"
    label = {"rules": "rules", "embed": "rules + embeddings", "full": "full"}.get(mode, mode)
    print(f"| {name} ({len(rows)}) | {label} | {acc:.1%} | {wrong} | {ms(pct(lat, .5))} | {ms(pct(lat, .95))} "
          f"| {stages['rules']} / {emb} / {gen} |")
