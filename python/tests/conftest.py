"""Shared fixtures: the `abacus` binary, the demo data in long form, and the
CLI's own forecasts of it (the reference every engine must equal exactly)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pandas as pd
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "examples"))

# The settings every equality test uses: daily retail sales, a missing day is a zero.
HORIZON, SEASON, LEVELS = 28, 7, (80, 95)


def abacus_bin() -> str:
    explicit = os.environ.get("ABACUS_BIN")
    if explicit:
        return explicit
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return str(target / "release" / "abacus")


def run_cli_forecast(df: pd.DataFrame, folder: pathlib.Path, horizon=HORIZON, season=SEASON,
                     models="auto", levels=LEVELS, fill="zero") -> pd.DataFrame:
    """`abacus forecast` on `df` (written as CSV), read back exactly."""
    inp, out = folder / "in.csv", folder / "out.csv"
    df.to_csv(inp, index=False)
    cmd = [abacus_bin(), "forecast", "--input", str(inp), "--horizon", str(horizon),
           "--season", str(season), "--models", models,
           "--levels", ",".join(str(x) for x in levels), "--output", str(out)]
    if fill:
        cmd += ["--fill", fill]
    subprocess.run(cmd, check=True, capture_output=True)
    return read_forecasts(out)


def read_forecasts(path) -> pd.DataFrame:
    # The CLI writes the shortest text that reads back to the same f64; pandas 3
    # reads it exactly by default, older pandas needs float_precision="round_trip".
    extra = {} if int(pd.__version__.split(".")[0]) >= 3 else {"float_precision": "round_trip"}
    return pd.read_csv(path, dtype={"series_id": str}, **extra)


def assert_same(got: pd.DataFrame, want: pd.DataFrame):
    """Exact equality, whatever the order of series in `got`."""
    got = got.sort_values(["series_id", "step"]).reset_index(drop=True)
    want = want.sort_values(["series_id", "step"]).reset_index(drop=True)
    assert list(got.columns) == list(want.columns)
    got = got.astype({"series_id": str, "step": "int64"})
    want = want.astype({"series_id": str, "step": "int64"})
    for c in got.columns[2:]:
        got[c] = got[c].astype("float64")
        want[c] = want[c].astype("float64")
    pd.testing.assert_frame_equal(got, want, check_exact=True)


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory) -> pathlib.Path:
    """`abacus demo-data --seed 42`: the retail, funds and network CSVs."""
    folder = tmp_path_factory.mktemp("demo")
    subprocess.run([abacus_bin(), "demo-data", "--out", str(folder), "--seed", "42"],
                   check=True, capture_output=True)
    return folder


@pytest.fixture(scope="session")
def demo_long(demo_dir) -> pd.DataFrame:
    """The demo dataset's daily sales as long series `SKU@location` (t an ISO date string)."""
    sales = pd.read_csv(demo_dir / "retail" / "sales.csv",
                        dtype={"date": str, "sku": str, "location_id": str})
    return pd.DataFrame({"series_id": sales["sku"] + "@" + sales["location_id"],
                         "t": sales["date"], "y": sales["units"].astype("float64")})


@pytest.fixture(scope="session")
def demo_cli(demo_long, tmp_path_factory) -> pd.DataFrame:
    """`abacus forecast --horizon 28 --season 7 --fill zero` on every demo series."""
    return run_cli_forecast(demo_long, tmp_path_factory.mktemp("cli"))
