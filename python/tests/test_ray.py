"""The Ray Data recipe (examples/ray_forecast.py) on one node on the demo data:
exactly the CLI's forecasts; a malformed series fails naming it; empty blocks
give empty frames."""

from __future__ import annotations

import pathlib

import pandas as pd
import pytest

from conftest import HORIZON, SEASON, assert_same

import ray_forecast


@pytest.fixture(scope="module")
def ray():
    import ray

    # Workers import the recipe module by name, as they would a user's own module.
    examples = str(pathlib.Path(ray_forecast.__file__).parent)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": examples}})
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()


def test_the_recipe_writes_the_clis_forecasts_as_parquet(ray, demo_long, demo_cli, tmp_path):
    src, dst = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    # Several input files, series spread over them, as a real dataset is.
    for i, part in enumerate(range(0, len(demo_long), 200_000)):
        demo_long.iloc[part:part + 200_000].to_parquet(src / f"part-{i}.parquet", index=False)
    ray_forecast.main(["--input", str(src), "--output", str(dst), "--horizon", str(HORIZON),
                       "--season", str(SEASON), "--fill", "zero", "--freq", "daily"])
    got = pd.read_parquet(dst)
    assert got["series_id"].nunique() == demo_long["series_id"].nunique()
    assert_same(got, demo_cli)


def test_a_malformed_series_fails_naming_it(ray):
    rows = [("GOOD-1", t, 10.0 + t % 7) for t in range(1, 30)]
    rows += [("DUP-7", min(t, 28), 4.0) for t in range(1, 30)]
    ds = ray.data.from_pandas(pd.DataFrame(rows, columns=["series_id", "t", "y"]))
    with pytest.raises(Exception) as info:
        ray_forecast.forecast_ray(ds, 7, season=7).to_pandas()
    assert "series DUP-7, row" in str(info.value), str(info.value)


def test_empty_blocks_give_empty_frames(ray):
    empty = pd.DataFrame({"series_id": pd.Series([], dtype=str), "t": pd.Series([], dtype="int64"),
                          "y": pd.Series([], dtype="float64")})
    out = ray_forecast.Forecaster(7, season=7)(empty)
    assert len(out) == 0 and list(out.columns)[:3] == ["series_id", "step", "y_hat"]
    # Two series over eight blocks: most blocks are empty, the result is whole.
    rows = [(s, t, float(t % 7 + k)) for k, s in enumerate(["A", "B"]) for t in range(1, 30)]
    ds = ray.data.from_pandas(pd.DataFrame(rows, columns=["series_id", "t", "y"])).repartition(8)
    got = ray_forecast.forecast_ray(ds, 7, season=7).to_pandas()
    assert sorted(got.series_id.unique()) == ["A", "B"] and len(got) == 14
