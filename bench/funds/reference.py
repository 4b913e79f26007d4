"""Python reference for the fund benchmark: every metric of spec/metrics.md with numpy, per fund,
written independently of the Rust engine; then compares Abacus's figures with these.

    python reference.py DATA_DIR ABACUS_METRICS_CSV
"""
import json
import sys
import time
from datetime import date

import numpy as np
import pandas as pd

data, abacus_csv = sys.argv[1], sys.argv[2]


def years_before(d, k):
    try:
        return d.replace(year=d.year - k)
    except ValueError:  # 29 February
        return d.replace(year=d.year - k, day=28)


def window(dates, a, s):
    """Metrics from start row s to the last row (dates as datetime64[D], a = adj_nav)."""
    x = a[s:]
    ratio = x[-1] / x[0]
    days = int((dates[-1] - dates[s]).astype(int))
    annual = ratio ** (365 / days) - 1 if days > 0 else np.nan
    r = x[1:] / x[:-1] - 1
    vol = np.std(r, ddof=1) * np.sqrt(252) if len(r) >= 2 else np.nan
    down = np.sqrt(np.mean(np.minimum(r, 0.0) ** 2)) * np.sqrt(252) if len(r) else np.nan
    mdd = np.max(1 - x / np.maximum.accumulate(x))

    def div(p, q):
        return p / q if np.isfinite(q) and q != 0 else np.nan

    return ratio - 1, annual, vol, div(annual, vol), div(annual, down), mdd, div(annual, mdd)


def fund_metrics(dates, a):
    out = {}
    d = dates[-1].astype(object)
    for k in (1, 3, 5):
        start = np.datetime64(years_before(d, k))
        s = np.searchsorted(dates, start, side="right") - 1
        names = [f"{m}_{k}y" for m in ("return_total", "return", "volatility", "sharpe", "sortino", "max_drawdown", "calmar")]
        vals = window(dates, a, s) if s >= 0 else [np.nan] * 7
        out.update(zip(names, vals))
    s = np.searchsorted(dates, np.datetime64(date(d.year - 1, 12, 31)), side="right") - 1
    out["return_ytd"] = a[-1] / a[s] - 1 if s >= 0 else np.nan
    out["return_total_since_inception"] = a[-1] / a[0] - 1
    days = int((dates[-1] - dates[0]).astype(int))
    out["return_since_inception"] = (a[-1] / a[0]) ** (365 / days) - 1 if days > 0 else np.nan
    return out


dates = np.array([np.datetime64(l.strip()) for l in open(f"{data}/dates.txt") if l.strip()])
funds = pd.read_csv(f"{data}/funds.csv")
nav = np.fromfile(f"{data}/nav.bin", dtype="<f8").reshape(len(funds), len(dates))

t0 = time.perf_counter()
rows = []
for i in range(len(funds)):
    ok = ~np.isnan(nav[i])
    rows.append(fund_metrics(dates[ok], nav[i][ok]))
ref = pd.DataFrame(rows, index=funds["fund_code"])
t_metrics = time.perf_counter() - t0

# A screen like the engine's: filter, sort, top 10 (pandas), timed over repetitions.
table = ref.join(funds.set_index("fund_code"))
screens = [
    lambda t: t[(t.category == "bond") & (t.risk_level <= 2) & (t.return_3y > 0.04) & (t.expense_ratio < 0.005)]
    .sort_values(["sharpe_3y"], ascending=False).head(10),
    lambda t: t[t.volatility_3y < 0.15].sort_values("max_drawdown_3y").head(20),
    lambda t: t[(t.category.isin(["equity", "mixed"])) & (t.aum > 1000)].sort_values("return_1y", ascending=False),
]
reps = 50
t0 = time.perf_counter()
for _ in range(reps):
    for s in screens:
        s(table)
t_screen = (time.perf_counter() - t0) / (reps * len(screens))

ab = pd.read_csv(abacus_csv, index_col="fund_code", float_precision="round_trip")
ab = ab.loc[ref.index, ref.columns]
a, b = ab.to_numpy(dtype=float), ref.to_numpy(dtype=float)
both = np.isfinite(a) & np.isfinite(b)
definedness_mismatch = int(np.sum(np.isfinite(a) != np.isfinite(b)))
rel = np.abs(a[both] - b[both]) / np.maximum(np.abs(b[both]), 1e-300)
big = np.abs(b[both]) >= 1e-6
print(json.dumps({
    "python_metrics_seconds": t_metrics,
    "python_screen_ms": t_screen * 1e3,
    "values_compared": int(both.sum()),
    "undefined_in_both": int(np.sum(~np.isfinite(a) & ~np.isfinite(b))),
    "definedness_mismatches": definedness_mismatch,
    "max_relative_difference": float(rel.max()) if rel.size else 0.0,
    "max_relative_difference_abs_ge_1e-6": float(rel[big].max()) if big.any() else 0.0,
    "max_absolute_difference": float(np.abs(a[both] - b[both]).max()) if both.any() else 0.0,
}))
