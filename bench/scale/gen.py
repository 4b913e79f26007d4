"""Deterministic retail-like daily series for the scale bench.

N series × DAYS days (default 10,000 × 730, two years): weekly seasonality,
trend, multiplicative noise, and 20% intermittent slow movers (mostly zeros).
Writes long form (series_id, t, y) as CSV (for `abacus forecast`) and Parquet
(t as a date, for the package, Spark and Ray).

    python gen.py OUT_DIR [N] [DAYS]
"""

import pathlib
import sys

import numpy as np
import pandas as pd


def generate(n: int, days: int, seed: int = 20261130) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    t = np.arange(days)
    level = rng.lognormal(mean=2.5, sigma=1.0, size=n)  # median ≈ 12 units/day
    weekly = 1 + rng.uniform(0.1, 0.5, size=(n, 1)) * np.sin(2 * np.pi * (t[None, :] + rng.integers(0, 7, size=(n, 1))) / 7)
    trend = 1 + rng.normal(0, 0.3, size=(n, 1)) * t[None, :] / days
    mean = np.clip(level[:, None] * weekly * trend, 0.05, None)
    slow = rng.random(n) < 0.2
    mean[slow] = rng.uniform(0.05, 0.5, size=(slow.sum(), 1))
    y = rng.poisson(mean * rng.gamma(8.0, 1 / 8.0, size=mean.shape)).astype(np.float64)
    ids = np.repeat(np.array([f"SKU{i // 10:05d}@L{i % 10}" for i in range(n)], dtype=object), days)
    dates = np.tile(np.datetime64("2024-07-01") + t.astype("timedelta64[D]"), n)
    return pd.DataFrame({"series_id": ids, "t": dates, "y": y.ravel()})


def main():
    out = pathlib.Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    days = int(sys.argv[3]) if len(sys.argv) > 3 else 730
    out.mkdir(parents=True, exist_ok=True)
    df = generate(n, days)
    df.to_parquet(out / "series.parquet", index=False, row_group_size=days * 250)
    df.assign(t=df["t"].dt.strftime("%Y-%m-%d")).to_csv(out / "series.csv", index=False)
    print(f"wrote {n} series × {days} days ({len(df)} rows) to {out}")


if __name__ == "__main__":
    main()
