"""Runs statsforecast AutoETS and AutoTheta on one M4 set; writes forecasts and timings.

Usage: peer.py DATA_DIR SET H SEASON LEVELS OUT_DIR   (e.g. ... hourly 48 24 80,95 bench/out/m4)
Each model is timed on its own, after a warm-up on a few series (numba compilation),
with n_jobs=2 (the machine's cores).
"""
import json
import sys
import time

import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS, AutoTheta


def main():
    data_dir, name, h, m, levels, out = sys.argv[1:7]
    h, m = int(h), int(m)
    levels = [int(v) for v in levels.split(",")]
    train = pd.read_csv(f"{data_dir}/{name}_train.csv")
    train = train.rename(columns={"series_id": "unique_id", "t": "ds"})
    timings = {}
    for label, model in [("AutoETS", AutoETS(season_length=m)), ("AutoTheta", AutoTheta(season_length=m))]:
        warm_ids = train["unique_id"].unique()[:4]
        warm = train[train["unique_id"].isin(warm_ids)]
        StatsForecast(models=[model], freq=1, n_jobs=2).forecast(df=warm, h=h, level=levels)
        t0 = time.perf_counter()
        fc = StatsForecast(models=[model], freq=1, n_jobs=2).forecast(df=train, h=h, level=levels)
        timings[label] = time.perf_counter() - t0
        fc = fc.reset_index() if "unique_id" not in fc.columns else fc
        fc["step"] = fc.groupby("unique_id").cumcount() + 1
        cols = {label: "y_hat"}
        for lv in levels:
            cols[f"{label}-lo-{lv}"] = f"lo_{lv}"
            cols[f"{label}-hi-{lv}"] = f"hi_{lv}"
        fc = fc.rename(columns=cols).rename(columns={"unique_id": "series_id"})
        fc[["series_id", "step", "y_hat"] + [c for lv in levels for c in (f"lo_{lv}", f"hi_{lv}")]].to_csv(
            f"{out}/{name}_{label}.csv", index=False
        )
        print(f"{name} {label}: {timings[label]:.1f} s", flush=True)
    with open(f"{out}/{name}_peer_timings.json", "w") as f:
        json.dump({"series": int(train["unique_id"].nunique()), "seconds": timings}, f)


if __name__ == "__main__":
    main()
