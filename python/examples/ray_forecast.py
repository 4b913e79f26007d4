"""Recipe: forecast every series of a Ray Dataset with Abacus, write Parquet.

Copy this file. Rows are co-located by ``series_id`` (a sort: each series then
lies in one block, the same step ``groupby().map_groups`` takes), and
``map_batches`` hands whole blocks to Abacus, which forecasts every series of
the block in one call with the GIL released (one thread per task: Ray already
runs one task per CPU).

    python ray_forecast.py --input sales_long.parquet --output forecasts/ \\
        --horizon 28 --season 7 --fill zero --freq daily

Input: the long form of spec/forecast.md, columns ``series_id, t, y``. A
malformed series fails with an ``abacus.AbacusError`` naming it; an empty
block gives an empty frame.
"""

from __future__ import annotations

import argparse
from typing import Optional, Sequence

import pandas as pd

import abacus


class Forecaster:
    """The ``map_batches`` function: a whole block of complete series in, forecasts out."""

    def __init__(self, horizon, season=None, models="auto", levels=(80, 95), fill=None, freq=None):
        self.kw = dict(season=season, models=models, levels=levels, fill=fill, freq=freq, threads=1)
        self.horizon = horizon

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        return abacus.forecast(batch[["series_id", "t", "y"]], self.horizon, **self.kw)


def forecast_ray(
    ds,
    horizon: int,
    season: Optional[int] = None,
    models: Sequence[str] | str = "auto",
    levels: Sequence[float] = (80, 95),
    fill: Optional[str] = None,
    freq: Optional[str] = None,
):
    """A Ray Dataset of forecasts for every series of ``ds``."""
    fn = Forecaster(horizon, season, models, levels, fill, freq)
    return ds.sort("series_id").map_batches(fn, batch_format="pandas", batch_size=None)


def main(argv=None):
    import ray

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--input", required=True, help="Parquet (series_id, t, y)")
    p.add_argument("--output", required=True, help="Parquet folder to write")
    p.add_argument("--horizon", type=int, required=True)
    p.add_argument("--season", type=int)
    p.add_argument("--models", default="auto")
    p.add_argument("--levels", default="80,95")
    p.add_argument("--fill", choices=["zero"])
    p.add_argument("--freq")
    p.add_argument("--num-cpus", type=int, default=None)
    a = p.parse_args(argv)
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=a.num_cpus)
    levels = [float(x) for x in a.levels.split(",") if x]
    ds = ray.data.read_parquet(a.input)
    forecast_ray(ds, a.horizon, a.season, a.models, levels, a.fill, a.freq).write_parquet(a.output)
    if started:
        ray.shutdown()


if __name__ == "__main__":
    main()
