"""The package on small frames and on the demo data: same numbers as the CLI,
errors that name the series, empty in → empty out."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import threading
import time

import numpy as np
import pandas as pd
import pytest

import abacus
from conftest import HORIZON, SEASON, abacus_bin, assert_same, run_cli_forecast


def small_frame() -> pd.DataFrame:
    rows = []
    for t in range(40, 0, -1):  # unsorted on purpose
        rows.append(("zeta", t, 10 + t % 7 + 0.25 * t))
        rows.append(("alpha", t, 5 + (t * 37 % 11)))
    return pd.DataFrame(rows, columns=["series_id", "t", "y"])


def test_small_frame_equals_the_cli_for_several_models_and_levels(tmp_path):
    df = small_frame()
    models, levels = "naive,snaive,ets,theta,croston", (50, 80, 97.5)
    got = abacus.forecast(df, 6, season=7, models=models.split(","), levels=levels)
    want = run_cli_forecast(df, tmp_path, horizon=6, season=7, models=models, levels=levels, fill=None)
    assert list(got.columns[:4]) == ["series_id", "step", "y_hat_naive", "lo_50_naive"]
    assert "hi_97.5_theta" in got.columns
    assert got["series_id"].tolist()[:6] == ["zeta"] * 6  # input order
    assert_same(got, want)


def test_the_demo_data_equals_the_cli(demo_long, demo_cli):
    got = abacus.forecast(demo_long, HORIZON, season=SEASON, fill="zero", freq="daily")
    assert got["series_id"].nunique() == demo_long["series_id"].nunique()
    assert_same(got, demo_cli)
    one = demo_long[demo_long.series_id == demo_long.series_id.iloc[0]]
    # One series alone, on one thread: the same numbers.
    alone = abacus.forecast(one, HORIZON, season=SEASON, fill="zero", freq="daily", threads=1)
    assert_same(alone, demo_cli[demo_cli.series_id == one.series_id.iloc[0]])


def test_t_as_dates_timestamps_or_strings_gives_the_same_forecast():
    base = pd.DataFrame({
        "series_id": ["s"] * 30,
        "t": [f"2024-01-{d:02d}" for d in range(1, 31)],
        "y": [float(d % 7 + d / 10) for d in range(1, 31)],
    })
    want = abacus.forecast(base, 7)  # daily dates: season 7 by default
    stamps = base.assign(t=pd.to_datetime(base["t"]))
    dates = base.assign(t=[dt.date(2024, 1, d) for d in range(1, 31)])
    for df in (stamps, dates):
        pd.testing.assert_frame_equal(abacus.forecast(df, 7), want, check_exact=True)


def test_malformed_series_are_errors_naming_the_series():
    df = small_frame()
    bad_y = df.astype({"y": object})
    bad_y.loc[bad_y.index[3], "y"] = "12,5"  # row 3 belongs to alpha
    with pytest.raises(abacus.AbacusError, match=r"series alpha, row 3: y `12,5` is not a finite number"):
        abacus.forecast(bad_y, 3)
    dup = pd.concat([df, df[df.series_id == "zeta"].head(1)], ignore_index=True)
    with pytest.raises(abacus.AbacusError, match=r"series zeta, row 80: t repeats an earlier row"):
        abacus.forecast(dup, 3)
    gap = df[~((df.series_id == "alpha") & (df.t == 20))]
    with pytest.raises(abacus.AbacusError, match=r"series alpha, .*missing before this row.*fill"):
        abacus.forecast(gap, 3)
    assert len(abacus.forecast(gap, 3, fill="zero")) == 6
    nan = df.copy()
    nan.loc[5, "y"] = np.nan
    with pytest.raises(abacus.AbacusError, match=r"series alpha, row 5: y `nan`"):
        abacus.forecast(nan, 3)
    with pytest.raises(abacus.AbacusError, match="unknown model `arima`"):
        abacus.forecast(df, 3, models="arima")
    with pytest.raises(abacus.AbacusError, match="horizon 0"):
        abacus.forecast(df, 0)
    with pytest.raises(abacus.AbacusError, match="no `y` column"):
        abacus.forecast(df.rename(columns={"y": "units"}), 3)


def test_an_empty_frame_gives_an_empty_frame_with_the_output_columns():
    empty = pd.DataFrame({"series_id": pd.Series([], dtype=str), "t": [], "y": []})
    out = abacus.forecast(empty, 5, models=["naive", "theta"], levels=[90])
    assert len(out) == 0
    assert list(out.columns) == ["series_id", "step", "y_hat_naive", "lo_90_naive", "hi_90_naive",
                                 "y_hat_theta", "lo_90_theta", "hi_90_theta"]


def test_the_gil_is_released_while_rust_computes(demo_long):
    ticks = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    ids = demo_long.series_id.unique()[:150]
    part = demo_long[demo_long.series_id.isin(ids)]
    t = threading.Thread(target=count)
    t.start()
    started = time.perf_counter()
    abacus.forecast(part, HORIZON, season=SEASON, fill="zero", threads=1)
    took = time.perf_counter() - started
    stop.set()
    t.join()
    # With the GIL held the counter could not tick during the Rust call.
    assert took > 0.2 and len(ticks) > 0.2 * took / 0.001 * 0.1, (took, len(ticks))


@pytest.mark.parametrize("variant", ["default", "no-events-empirical"])
def test_plan_equals_abacus_plan_on_the_demo_data(demo_dir, tmp_path, variant):
    r = demo_dir / "retail"
    read = lambda name: pd.read_csv(r / name, dtype={"sku": str, "location_id": str, "supplier_id": str})
    if variant == "default":
        # The CLI forecasts around the dataset's events.csv by default.
        opts, flags = {"events": pd.read_csv(r / "events.csv")}, []
    else:
        opts = {"events": None, "safety": "empirical", "max_order_days": 3}
        flags = ["--events", "none", "--safety", "empirical", "--max-order-days", "3"]
    got = abacus.plan(read("items.csv"), read("suppliers.csv"), read("inventory.csv"),
                      read("sales.csv"), purchase_orders=read("purchase_orders.csv"), **opts)
    out = subprocess.run([abacus_bin(), "--store", str(tmp_path / "store"), "plan",
                          "--data", str(demo_dir), "--json", *flags],
                         check=True, capture_output=True, text=True)
    want = json.loads(out.stdout)
    assert len(got.lines) == want["totals"]["lines"] > 0
    assert len(got.problems) == len(want["problems"])
    lines = got.lines.set_index(["sku", "location_id"])
    fields = ["mu", "sigma", "safety_stock", "reorder_point", "eoq", "lot", "order_up_to",
              "inventory_position", "stockout_probability", "days_of_cover"]
    for w in want["lines"]:
        g = lines.loc[(w["sku"], w["location"])]
        for f in fields:
            a, b = g[f], w[f]
            assert (b is None and pd.isna(a)) or a == b, (w["sku"], w["location"], f, a, b)
        assert g["reason"] == w["reason"]
        assert (w["order"] is None and pd.isna(g["order_qty"])) or g["order_qty"] == w["order"]["qty"]


def test_fund_metrics_equal_abacus_funds_on_the_demo_data(demo_dir, tmp_path):
    nav = pd.read_csv(demo_dir / "funds" / "fund_nav.csv", dtype={"fund_code": str})
    got = abacus.fund_metrics(nav, reasons=True).set_index("fund_code")
    assert len(got) == nav.fund_code.nunique()
    codes = list(got.index[:6])
    fields = ["return_1y", "volatility_3y", "sharpe_3y", "sortino_1y", "max_drawdown_5y", "calmar_3y"]
    out = subprocess.run([abacus_bin(), "--store", str(tmp_path / "store"), "funds",
                          "--data", str(demo_dir), "--json", "compare", *codes,
                          "--fields", ",".join(fields)], check=True, capture_output=True, text=True)
    table = json.loads(out.stdout)
    cols = table["columns"]
    for row in table["rows"]:
        code = row[cols.index("fund_code")] if "fund_code" in cols else row[0]
        for f in fields:
            want = row[cols.index(f)]
            have = got.loc[code, f]
            assert (want is None and np.isnan(have) and got.loc[code, f + "_undefined"]) or have == want, \
                (code, f, have, want)


def test_fund_metrics_bad_nav_names_the_fund():
    nav = pd.DataFrame({"fund_code": ["F1", "F1", "F2"],
                        "date": ["2024-01-02", "2024-01-02", "2024-01-02"],
                        "adj_nav": [1.0, 1.01, 1.0]})
    with pytest.raises(abacus.AbacusError, match="fund F1"):
        abacus.fund_metrics(nav)
    assert len(abacus.fund_metrics(nav.iloc[:0])) == 0
