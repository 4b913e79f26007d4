"""Independent expected values for tests/it/metrics.rs, straight from metrics.md.

Plain Python (no numpy), run with `python3 expected.py`; the figures it prints are pasted into the
tests. It shares no code with the engine.
"""
import math
from datetime import date

T1 = [  # fund T1: ends on 29 February 2024
    ("2022-12-30", 1.00),
    ("2023-02-27", 1.02),
    ("2023-02-28", 1.05),
    ("2023-03-01", 1.01),
    ("2023-06-30", 1.10),
    ("2023-12-29", 1.08),
    ("2024-01-15", 0.99),
    ("2024-02-29", 1.12),
]


def d(s):
    return date.fromisoformat(s)


def window(rows, start_row):
    dates = [d(r[0]) for r in rows[start_row:]]
    a = [r[1] for r in rows[start_row:]]
    total = a[-1] / a[0] - 1
    days = (dates[-1] - dates[0]).days
    annual = (a[-1] / a[0]) ** (365 / days) - 1
    r = [a[i] / a[i - 1] - 1 for i in range(1, len(a))]
    m = sum(r) / len(r)
    vol = math.sqrt(sum((x - m) ** 2 for x in r) / (len(r) - 1)) * math.sqrt(252)
    down = math.sqrt(sum(min(x, 0.0) ** 2 for x in r) / len(r)) * math.sqrt(252)
    peak, mdd = a[0], 0.0
    for x in a:
        peak = max(peak, x)
        mdd = max(mdd, 1 - x / peak)
    def ratio(x, y):
        return x / y if y != 0 else None  # a zero denominator: undefined
    return dict(total=total, days=days, annual=annual, vol=vol, down=down, mdd=mdd,
                sharpe=ratio(annual, vol), sharpe_rf2=ratio(annual - 0.02, vol),
                sortino=ratio(annual, down), calmar=ratio(annual, mdd))


# 1-year window of T1: S = 2023-02-28 (29 Feb 2024 minus one year), start row index 2.
for k, v in window(T1, 2).items():
    print(f"T1 1y {k} = {v!r}")
# YTD: from 2023-12-29 (index 5), total return.
print("T1 ytd total =", repr(T1[-1][1] / T1[5][1] - 1))
# Since inception: from index 0.
si = window(T1, 0)
print("T1 si total =", repr(si["total"]), "annual =", repr(si["annual"]), "days =", si["days"])

# T2: a distribution on 2025-06-02 (nav falls 1.30 -> 1.10, adj_nav keeps rising).
T2 = [("2024-05-31", 1.00), ("2025-05-30", 1.25), ("2025-06-02", 1.26), ("2025-06-03", 1.27)]
w = window(T2, 0)  # 1y start: S = 2024-06-03, last row on/before it is 2024-05-31
print("T2 1y", w)
