"""The PySpark recipe (examples/spark_forecast.py) in local[2] mode on the demo
data: exactly the CLI's forecasts; a malformed series fails naming it."""

from __future__ import annotations

import os
import sys

import pandas as pd
import pytest

from conftest import HORIZON, SEASON, assert_same

import spark_forecast


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    s = (SparkSession.builder.master("local[2]").appName("abacus-test")
         .config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "4")
         .config("spark.sql.execution.arrow.pyspark.enabled", "true")
         .getOrCreate())
    yield s
    s.stop()


def test_the_recipe_writes_the_clis_forecasts_as_parquet(spark, demo_long, demo_cli, tmp_path):
    src, dst = tmp_path / "in.parquet", tmp_path / "out"
    demo_long.to_parquet(src, index=False)
    spark_forecast.main(["--input", str(src), "--output", str(dst), "--horizon", str(HORIZON),
                         "--season", str(SEASON), "--fill", "zero", "--freq", "daily"])
    got = pd.read_parquet(dst)
    assert got["series_id"].nunique() == demo_long["series_id"].nunique()
    assert_same(got, demo_cli)


def bad_frame() -> pd.DataFrame:
    rows = [("GOOD-1", t, str(10 + t % 7)) for t in range(1, 30)]
    rows += [("BAD-1", t, "abc" if t == 5 else "3") for t in range(1, 30)]
    rows += [("DUP-1", min(t, 28), "4") for t in range(1, 30)]
    return pd.DataFrame(rows, columns=["series_id", "t", "y"])


@pytest.mark.parametrize("bad", ["BAD-1", "DUP-1"])
def test_a_malformed_series_fails_with_a_python_error_naming_it(spark, bad):
    df = bad_frame()
    df = df[df.series_id.isin(["GOOD-1", bad])]
    sdf = spark.createDataFrame(df, schema="series_id string, t long, y string")
    with pytest.raises(Exception) as info:
        spark_forecast.forecast_spark(sdf, 7, season=7).collect()
    # What the user sees: Spark's PythonException carrying the Python traceback
    # that ends in abacus.AbacusError with the series named, not a Java stack trace.
    msg = str(info.value)
    assert type(info.value).__name__ == "PythonException", type(info.value)
    assert f"AbacusError: series {bad}, row" in msg, msg
    assert "at org.apache.spark" not in msg, msg


def test_an_empty_input_gives_an_empty_output(spark):
    sdf = spark.createDataFrame([], schema="series_id string, t long, y double")
    out = spark_forecast.forecast_spark(sdf, 7).toPandas()
    assert len(out) == 0 and list(out.columns)[:3] == ["series_id", "step", "y_hat"]
