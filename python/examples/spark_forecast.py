"""Recipe: forecast every series of a Spark DataFrame with Abacus, write Parquet.

Copy this file. Each series (one SKU × location) is forecast in its own pandas
frame by ``groupBy("series_id").applyInPandas``; Abacus runs on one thread per
task (Spark already runs one task per core) with the GIL released.

    spark-submit spark_forecast.py --input sales_long.parquet --output forecasts/ \\
        --horizon 28 --season 7 --fill zero --freq daily

Input: the long form of spec/forecast.md, columns ``series_id, t, y`` (``t`` an
integer index, a date, a timestamp or an ISO string). A malformed series fails
the job with a Python error naming the series (``abacus.AbacusError``).
"""

from __future__ import annotations

import argparse
from typing import Optional, Sequence

import pandas as pd

import abacus


def output_schema(models: Sequence[str] | str = "auto", levels: Sequence[float] = (80, 95)):
    """The Spark schema of Abacus' output (series_id, step, y_hat, lo_L, hi_L…)."""
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    # The column names come from the engine itself (an empty frame gives them).
    empty = pd.DataFrame({"series_id": [], "t": [], "y": []})
    cols = abacus.forecast(empty, 1, models=models, levels=levels).columns[2:]
    return StructType(
        [StructField("series_id", StringType()), StructField("step", LongType())]
        + [StructField(c, DoubleType()) for c in cols]
    )


def forecast_spark(
    sdf,
    horizon: int,
    season: Optional[int] = None,
    models: Sequence[str] | str = "auto",
    levels: Sequence[float] = (80, 95),
    fill: Optional[str] = None,
    freq: Optional[str] = None,
):
    """A Spark DataFrame of forecasts for every series of ``sdf``."""

    def one_series(pdf: pd.DataFrame) -> pd.DataFrame:
        # AbacusError names the series; Spark reports it as a PythonException.
        return abacus.forecast(
            pdf, horizon, season=season, models=models, levels=levels,
            fill=fill, freq=freq, threads=1,
        )

    return (
        sdf.select("series_id", "t", "y")
        .groupBy("series_id")
        .applyInPandas(one_series, schema=output_schema(models, levels))
    )


def main(argv=None):
    from pyspark.sql import SparkSession

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--input", required=True, help="Parquet or CSV (series_id, t, y)")
    p.add_argument("--output", required=True, help="Parquet folder to write")
    p.add_argument("--horizon", type=int, required=True)
    p.add_argument("--season", type=int)
    p.add_argument("--models", default="auto")
    p.add_argument("--levels", default="80,95")
    p.add_argument("--fill", choices=["zero"])
    p.add_argument("--freq")
    p.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    a = p.parse_args(argv)
    existing = SparkSession.getActiveSession()
    builder = SparkSession.builder.appName("abacus-forecast")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    if a.input.endswith(".csv"):
        sdf = spark.read.csv(a.input, header=True, schema="series_id string, t string, y double")
    else:
        sdf = spark.read.parquet(a.input)
    levels = [float(x) for x in a.levels.split(",") if x]
    out = forecast_spark(sdf, a.horizon, a.season, a.models, levels, a.fill, a.freq)
    out.write.mode("overwrite").parquet(a.output)
    if existing is None:
        spark.stop()


if __name__ == "__main__":
    main()
