"""Writes a deterministic synthetic fund dataset for the fund-engine benchmark.

    python gen.py OUT_DIR N_FUNDS

OUT_DIR/dates.txt   the shared business-day calendar, one ISO date a line (10 years to 2026-06-30)
OUT_DIR/nav.bin     adj_nav as little-endian float64, N_FUNDS rows x len(dates) columns, NaN where
                    a fund has no NAV (before its first or after its last date)
OUT_DIR/funds.csv   fund_code, category, risk_level, expense_ratio, aum
About 30% of funds start late (young funds: undefined long windows), 2% end early (inactive)
and 3% keep a constant NAV (zero volatility: undefined Sharpe).
"""
import os
import sys

import numpy as np

out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(20260630)
days = np.arange(np.datetime64("2016-06-30"), np.datetime64("2026-07-01"))
dates = days[np.is_busday(days)]
t = len(dates)

first = np.where(rng.random(n) < 0.7, 0, rng.integers(0, t - 30, n))
last = np.full(n, t - 1)
early = rng.random(n) < 0.02
last[early] = first[early] + ((t - 30 - first[early]) * rng.random(early.sum())).astype(int) + 10
flat = rng.random(n) < 0.03

mu = rng.normal(0.0003, 0.0004, n)
sigma = rng.uniform(0.001, 0.02, n)
nav = np.empty((n, t))
for i in range(0, n, 1000):  # in blocks, to bound memory
    j = slice(i, min(i + 1000, n))
    r = rng.normal(mu[j, None], sigma[j, None], (nav[j].shape[0], t))
    nav[j] = np.round(np.cumprod(1.0 + r, axis=1) / (1.0 + r[:, :1]), 6)
nav[flat] = 1.0
cols = np.arange(t)
nav[(cols[None, :] < first[:, None]) | (cols[None, :] > last[:, None])] = np.nan
nav.astype("<f8").tofile(os.path.join(out, "nav.bin"))

with open(os.path.join(out, "dates.txt"), "w") as f:
    f.write("\n".join(str(d) for d in dates) + "\n")
cats = np.array(["equity", "bond", "mixed", "money_market", "index", "qdii", "commodity"])
cat = cats[rng.integers(0, len(cats), n)]
risk = rng.integers(1, 6, n)
fee = np.round(rng.uniform(0.001, 0.02, n), 4)
aum = np.round(rng.lognormal(7, 1.5, n), 1)
with open(os.path.join(out, "funds.csv"), "w") as f:
    f.write("fund_code,category,risk_level,expense_ratio,aum\n")
    for i in range(n):
        f.write(f"B{i:05d},{cat[i]},{risk[i]},{fee[i]},{aum[i]}\n")
print(f"wrote {n} funds x {t} business days to {out}")
