"""Scores M4 forecasts (sMAPE, MASE, OWA as in spec/metrics.md) and prints a markdown table.

Usage: score.py DATA_DIR OUT_DIR
Reads OUT_DIR/{set}_{method}.csv (series_id, step, y_hat, lo_95, hi_95, ...) and the
timings in OUT_DIR/{set}_abacus_timing.json and OUT_DIR/{set}_peer_timings.json.
OWA is relative to the official Naive2 figures of official_scores_by_frequency.csv
(which Abacus's naive2 reproduces exactly, see crates/forecast/tests/it/m4.rs).
"""
import csv
import json
import sys
from collections import defaultdict

SETS = [("hourly", "Hourly", 48, 24), ("weekly", "Weekly", 13, 1)]
METHODS = [("abacus", "Abacus auto"), ("AutoETS", "statsforecast AutoETS"), ("AutoTheta", "statsforecast AutoTheta")]


def read_long(path, key):
    series = defaultdict(list)
    with open(path) as f:
        for row in csv.DictReader(f):
            series[row["series_id"]].append((int(row[key]), row))
    return {k: [r for _, r in sorted(v, key=lambda p: p[0])] for k, v in series.items()}


def official(data_dir):
    with open(f"{data_dir}/official_scores_by_frequency.csv") as f:
        return {row["method"]: row for row in csv.DictReader(f)}


def score(data_dir, out_dir, name, h, m, method):
    train = read_long(f"{data_dir}/{name}_train.csv", "t")
    test = read_long(f"{data_dir}/{name}_test.csv", "step")
    fc = read_long(f"{out_dir}/{name}_{method}.csv", "step")
    smapes, mases, covered, total = [], [], 0, 0
    for sid, rows in test.items():
        y = [float(r["y"]) for r in rows]
        f = fc[sid]
        assert len(f) == h, (method, sid, len(f))
        yhat = [float(r["y_hat"]) for r in f]
        hist = [float(r["y"]) for r in train[sid]]
        smapes.append(200 / h * sum(abs(a - b) / (abs(a) + abs(b)) for a, b in zip(y, yhat)))
        scale = sum(abs(hist[t] - hist[t - m]) for t in range(m, len(hist))) / (len(hist) - m)
        mases.append(sum(abs(a - b) for a, b in zip(y, yhat)) / h / scale)
        for a, r in zip(y, f):
            total += 1
            covered += float(r["lo_95"]) <= a <= float(r["hi_95"])
    n = len(smapes)
    return sum(smapes) / n, sum(mases) / n, covered / total, n


def main():
    data_dir, out_dir = sys.argv[1:3]
    ref = official(data_dir)
    lines = [
        "| set | method | sMAPE | MASE | OWA | 95% coverage | seconds | series/s | speed vs AutoETS |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, freq, h, m in SETS:
        n2 = ref["Naive2"]
        s2, m2 = float(n2[f"sMAPE_{freq}"]), float(n2[f"MASE_{freq}"])
        with open(f"{out_dir}/{name}_peer_timings.json") as f:
            peer = json.load(f)
        with open(f"{out_dir}/{name}_abacus_timing.json") as f:
            ours = json.load(f)
        seconds = {"abacus": ours["seconds"], **peer["seconds"]}
        for method, label in METHODS:
            s, ms, cov, n = score(data_dir, out_dir, name, h, m, method)
            owa = 0.5 * (s / s2 + ms / m2)
            secs = seconds[method]
            ratio = seconds["AutoETS"] / secs
            lines.append(
                f"| {freq} | {label} | {s:.3f} | {ms:.3f} | {owa:.3f} | {100 * cov:.1f}% | {secs:.1f} | {n / secs:.1f} | {ratio:.1f}× |"
            )
        for method, label in [("Com", "M4 Comb (official)"), ("Theta", "M4 Theta (official)")]:
            r = ref[method]
            lines.append(
                f"| {freq} | {label} | {float(r[f'sMAPE_{freq}']):.3f} | {float(r[f'MASE_{freq}']):.3f} | {float(r[f'OWA_{freq}']):.3f} | | | | |"
            )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
