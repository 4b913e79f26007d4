"""Abacus engines for pandas, Spark and Ray.

Three entry points, each taking and returning pandas DataFrames:

- :func:`forecast` — batch forecasting in the long form of ``spec/forecast.md``
  (``series_id, t, y`` in; ``series_id, step, y_hat, lo_L, hi_L…`` out), the
  same Rust code path as ``abacus forecast``, so the numbers are identical.
- :func:`plan` — the per SKU × location replenishment plan of ``abacus plan``
  for a batch of series, from frames shaped like the retail CSVs of ``data.md``.
- :func:`fund_metrics` — every fund metric of ``metrics.md`` for a batch of NAV
  histories.

Columns are handed to Rust as contiguous numpy arrays (read in place); the GIL
is released while Rust computes. ``threads=0`` uses every core of the process;
pass ``threads=1`` inside Spark or Ray tasks, which already run one task per core.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _native

__all__ = ["AbacusError", "Plan", "forecast", "plan", "fund_metrics", "PLAN_COLUMNS"]


class AbacusError(ValueError):
    """Bad input or arguments; the message names the series (or fund) at fault."""


def _col(df: pd.DataFrame, name: str) -> str:
    for c in df.columns:
        if str(c).lower() == name:
            return c
    raise AbacusError(f"no `{name}` column (need series_id, t, y); columns: {list(df.columns)}")


def _names(models: Union[str, Iterable[str]]) -> list:
    if isinstance(models, str):
        return [m for m in models.split(",")]
    return [str(m) for m in models]


def _ids(values: pd.Series) -> np.ndarray:
    """Series ids as strings; a missing or empty id is an error."""
    missing = values.isna().to_numpy()
    if missing.any():
        raise AbacusError(f"row {int(np.argmax(missing))}: empty series_id")
    ids = values.astype(str).to_numpy(dtype=object)
    empty = ids == ""
    if empty.any():
        raise AbacusError(f"row {int(np.argmax(empty))}: empty series_id")
    return ids


def _numbers(values: pd.Series, ids: np.ndarray, what: str = "y") -> np.ndarray:
    """Floats, or an error naming the first series and row whose value is not a number."""
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        out = values.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        out = pd.to_numeric(values, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    bad = ~np.isfinite(out)
    if bad.any():
        i = int(np.argmax(bad))
        raw = values.iloc[i]
        raise AbacusError(f"series {ids[i]}, row {i}: {what} `{raw}` is not a finite number")
    return np.ascontiguousarray(out)


def _times(values: pd.Series, ids: np.ndarray):
    """(t_kind, t_int, t_text) for the native call."""
    dtype = values.dtype
    if values.isna().any():
        i = int(np.argmax(values.isna().to_numpy()))
        raise AbacusError(f"series {ids[i]}, row {i}: t is missing")
    if pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        return "index", np.ascontiguousarray(values.to_numpy(dtype=np.int64)), None
    if pd.api.types.is_float_dtype(dtype):
        v = values.to_numpy(dtype=np.float64)
        frac = v != np.floor(v)
        if frac.any():
            i = int(np.argmax(frac))
            raise AbacusError(f"series {ids[i]}, row {i}: bad t `{v[i]}`: not an integer or an ISO date")
        return "index", np.ascontiguousarray(v.astype(np.int64)), None
    if isinstance(dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
        dtype = values.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        secs = values.to_numpy().astype("datetime64[s]").astype(np.int64)
        return "seconds", np.ascontiguousarray(secs), None
    # Strings (parsed by the CLI's parser), or date / datetime objects (e.g. Spark DateType).
    first = values.iloc[0] if len(values) else ""
    if isinstance(first, str):
        return "text", None, [str(x) for x in values.tolist()]
    try:
        stamps = pd.to_datetime(values)
    except (ValueError, TypeError) as e:
        raise AbacusError(f"t: cannot read as integers or dates ({e})") from None
    secs = stamps.to_numpy().astype("datetime64[s]").astype(np.int64)
    return "seconds", np.ascontiguousarray(secs), None


def forecast(
    df: pd.DataFrame,
    horizon: int,
    season: Optional[int] = None,
    models: Union[str, Sequence[str]] = "auto",
    levels: Sequence[float] = (80, 95),
    fill: Optional[str] = None,
    freq: Optional[str] = None,
    threads: int = 0,
) -> pd.DataFrame:
    """Forecasts every series of a long frame (``series_id``, ``t``, ``y``).

    Same rules and numbers as ``abacus forecast`` (spec/forecast.md): ``t`` is an
    integer index, or dates (datetime64, ``datetime.date`` or ISO strings) on one
    grid; rows need not be sorted; gaps are an error unless ``fill="zero"``;
    ``freq`` (``"daily"``, ``"hourly"``, ``"weekly"``, ``"monthly"``, …) fixes
    the grid instead of inferring it from the rows given — pass it when each
    call sees one series (Spark, Ray), so a sparse series keeps the file's grid;
    ``season`` defaults from the dates (7 daily, 24 hourly, …, 1 for integers);
    ``models`` is ``"auto"`` or a list (several models give ``y_hat_<model>``
    columns). Returns ``series_id, step, y_hat, lo_L, hi_L…``, series in order
    of first appearance. An empty frame gives an empty result.
    Raises :class:`AbacusError` naming the series for bad input.
    """
    sid, tc, yc = _col(df, "series_id"), _col(df, "t"), _col(df, "y")
    levels = [float(x) for x in levels]
    if len(df) == 0:
        ids = np.empty(0, dtype=object)
        kind, t_int, t_text, y = "index", np.empty(0, np.int64), None, np.empty(0, np.float64)
        uniques = []
        codes = np.empty(0, np.int64)
    else:
        ids = _ids(df[sid])
        y = _numbers(df[yc], ids)
        kind, t_int, t_text = _times(df[tc], ids)
        codes, uniques = pd.factorize(ids, sort=False)
        codes = np.ascontiguousarray(codes.astype(np.int64))
        uniques = [str(u) for u in uniques]
    try:
        c, step, values, columns = _native.forecast_arrays(
            uniques, codes, kind, t_int, t_text, y, int(horizon), _names(models), levels,
            season=None if season is None else int(season), fill=fill, freq=freq,
            threads=int(threads),
        )
    except ValueError as e:
        raise AbacusError(str(e)) from None
    out = pd.DataFrame(values.reshape(len(step), len(columns)), columns=columns)
    out.insert(0, "step", step)
    out.insert(0, "series_id", np.asarray(uniques, dtype=object)[c] if len(c) else np.empty(0, dtype=object))
    return out


def _days(values: pd.Series) -> np.ndarray:
    d = pd.to_datetime(values).to_numpy().astype("datetime64[D]").astype(np.int64)
    return np.ascontiguousarray(d)


PLAN_COLUMNS = [
    "sku", "location_id", "category", "supplier_id", "mu", "sigma",
    "lead_time_days", "lead_time_sd_days", "service_level", "z",
    "lead_time_demand_mean", "lead_time_demand_sd", "safety_stock", "reorder_point", "eoq", "lot",
    "order_up_to", "on_hand", "on_order", "overdue_on_order", "inventory_position",
    "daily_demand_28", "days_of_cover", "order_qty", "order_packs", "order_arrival", "order_value",
    "reason", "horizon_days", "stockout_probability", "risk_method",
    "stockout_date", "excess_units", "excess_value",
]


class Plan(NamedTuple):
    """Plan lines (one row per planned SKU × location) and the series refused, with why."""

    lines: pd.DataFrame
    problems: pd.DataFrame


def plan(
    items: pd.DataFrame,
    suppliers: pd.DataFrame,
    inventory: pd.DataFrame,
    sales: pd.DataFrame,
    as_of=None,
    purchase_orders: Optional[pd.DataFrame] = None,
    model: str = "theta",
    horizon_days: int = 28,
    excess_days: float = 90.0,
    events="calendar",
    safety: str = "spec",
    max_order_days: Optional[float] = None,
) -> Plan:
    """The replenishment plan of ``abacus plan`` for every row of ``inventory``.

    Frames use the columns of data.md's retail CSVs: ``items`` (sku, category,
    supplier_id, unit_cost, pack_size, moq, order_cost, holding_cost_rate,
    service_level), ``suppliers`` (supplier_id, lead_time_days,
    lead_time_std_days), ``inventory`` (sku, location_id, on_hand[, as_of]),
    ``sales`` (date, sku, location_id, units) and optionally ``purchase_orders``
    (sku, location_id, quantity, expected_date, status; only ``open`` counts).
    ``as_of`` defaults to the inventory's ``as_of``. ``model`` as ``abacus plan
    --model`` (default theta, or ``weekday-mean``). ``events`` as ``abacus plan
    --events``: ``"calendar"`` (the built-in sales-event calendar), a frame with
    ``date, name`` (the dataset's events.csv, as the CLI uses when it has one) or
    ``None``/``"none"``; ``safety`` is ``"spec"`` or ``"empirical"``;
    ``max_order_days`` as ``abacus plan --max-order-days`` (``None``: the EOQ).
    """
    if as_of is None:
        if "as_of" not in inventory.columns or inventory["as_of"].nunique() != 1:
            raise AbacusError("as_of: give it, or one as_of date in inventory")
        as_of = inventory["as_of"].iloc[0]
    as_of_day = int(_days(pd.Series([as_of]))[0])
    it = [
        (str(r.sku), str(r.category), str(r.supplier_id), float(r.unit_cost), int(r.pack_size),
         int(r.moq), float(r.order_cost), float(r.holding_cost_rate), float(r.service_level))
        for r in items.itertuples(index=False)
    ]
    sup = [
        (str(r.supplier_id), float(r.lead_time_days), float(r.lead_time_std_days))
        for r in suppliers.itertuples(index=False)
    ]
    inv = [(str(r.sku), str(r.location_id), float(r.on_hand)) for r in inventory.itertuples(index=False)]
    keys = sales["sku"].astype(str) + "\x1f" + sales["location_id"].astype(str)
    codes, uniques = pd.factorize(keys, sort=False)
    pairs = [tuple(u.split("\x1f", 1)) for u in uniques]
    sales_ids = keys.to_numpy(dtype=object)
    units = _numbers(sales["units"], sales_ids, "units")
    orders = []
    if purchase_orders is not None and len(purchase_orders):
        po = purchase_orders[purchase_orders["status"].astype(str) == "open"]
        days = _days(po["expected_date"])
        orders = [
            (str(s), str(loc), int(d), float(q))
            for s, loc, d, q in zip(po["sku"], po["location_id"], days, po["quantity"])
        ]
    event_list = None
    if events is None or (isinstance(events, str) and events == "none"):
        mode = "none"
    elif isinstance(events, str):
        mode = events
    else:
        mode = "calendar"
        event_list = [(int(d), str(n)) for d, n in zip(_days(events["date"]), events["name"])]
    try:
        lines, problems = _native.plan_arrays(
            as_of_day, it, sup, inv, pairs,
            np.ascontiguousarray(codes.astype(np.int64)), _days(sales["date"]), units, orders,
            model=model, horizon_days=int(horizon_days), excess_days=float(excess_days),
            events=mode, event_list=event_list, safety=str(safety),
            max_order_days=None if max_order_days is None else float(max_order_days),
        )
    except ValueError as e:
        raise AbacusError(str(e)) from None
    flat = [a + b + c + d for a, b, c, d in lines]
    return Plan(
        pd.DataFrame(flat, columns=PLAN_COLUMNS),
        pd.DataFrame(problems, columns=["sku", "location_id", "error"]),
    )


def fund_metrics(nav: pd.DataFrame, risk_free_rate: float = 0.0, reasons: bool = False) -> pd.DataFrame:
    """Every metric of metrics.md (1/3/5-year, YTD, since inception) per fund.

    ``nav`` has ``fund_code, date, adj_nav`` (rows in any order). Returns one row
    per fund (``fund_code`` then one column per metric; NaN where the metric is
    undefined). With ``reasons=True`` each metric also gets ``<metric>_undefined``
    saying why it has no value (empty where it has one).
    """
    if len(nav) == 0:
        funds, codes = [], np.empty(0, np.int64)
        days, values = np.empty(0, np.int64), np.empty(0, np.float64)
    else:
        ids = _ids(nav["fund_code"])
        codes, uniques = pd.factorize(ids, sort=False)
        funds = [str(u) for u in uniques]
        codes = np.ascontiguousarray(codes.astype(np.int64))
        days = _days(nav["date"])
        values = _numbers(nav["adj_nav"], ids, "adj_nav")
    try:
        order, names, flat, why = _native.fund_metrics_arrays(
            funds, codes, days, values, risk_free_rate=float(risk_free_rate)
        )
    except ValueError as e:
        raise AbacusError(str(e)) from None
    out = pd.DataFrame(flat.reshape(len(order), len(names)), columns=names)
    if reasons:
        w = np.asarray(why, dtype=object).reshape(len(order), len(names))
        for j, n in enumerate(names):
            out[f"{n}_undefined"] = w[:, j]
    out.insert(0, "fund_code", np.asarray(order, dtype=object))
    return out
