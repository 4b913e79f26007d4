#!/usr/bin/env python3
"""Build heldout5.jsonl: a fifth held-out question set for `abacus ask` on shared/data/sample.

Python 3 standard library only.  Expected figures come from the independent reference library
../heldout/heldout_lib.py (computed straight from the canonical CSVs per shared/spec/*.md), plus a few
small local helpers below (bottom-N rankings, per-brand on-hand, fund screens by company/manager,
averages over a screen).  heldout_lib.py itself is not modified.

    python3 eval/heldout5/make_heldout5.py [--data ../shared/data/sample]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "heldout"))
from heldout_lib import D, Funds, Network, Retail, apply_edits, iso, match_names  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "sample"))
ap.add_argument("--out", default=os.path.join(HERE, "heldout5.jsonl"))
args = ap.parse_args()
if not os.path.isdir(args.data):
    args.data = "/work/shared/data/sample"

R = Retail(args.data)
F = Funds(args.data)
N = Network(args.data)
assert R.asof == D(2026, 6, 30), R.asof
assert F.asof == D(2026, 6, 30), F.asof

cases = []


def num(v):
    if isinstance(v, Fraction):
        return int(v) if v.denominator == 1 else float(v)
    return v


def per(p):
    return {"start": iso(p[0]), "end": iso(p[1])}


def add(kind, tags, turns, lang="en"):
    tags = [t for i, t in enumerate(tags) if t not in tags[:i] and t != kind]
    if lang != "en" and lang not in tags:
        tags.append(lang)
    cases.append({"id": f"h5-{len(cases) + 1:03d}", "dataset": "sample", "lang": lang,
                  "tags": [("multi" if len(turns) > 1 else "single"), kind] + tags, "turns": turns})


def T(q, edits=None, **expect):
    t = {"q": q}
    if edits is not None:
        t["edits"] = edits
    t["expect"] = expect
    return t


def ans(intent, value=None, tol=1e-9, scope=None, ids=None, ordered=None, no_value=False):
    e = {"status": "answered", "intent": intent}
    if value is not None:
        e["value"] = num(value)
        e["tol"] = tol
    if no_value:
        e["no_value"] = True
    if ids is not None:
        e["ids"] = list(ids)
        e["ordered"] = bool(ordered)
    if scope:
        e["scope"] = scope
    return e


item_names = {s: x["name"] for s, x in R.items.items()}
fund_names = {c: x["name"] for c, x in F.funds.items()}


def one_sku(desc):
    m = match_names(item_names, desc)
    assert len(m) == 1, (desc, m)
    return m[0]


def one_fund(desc):
    m = match_names(fund_names, desc)
    assert len(m) == 1, (desc, m)
    return m[0]


def many(names, desc):
    m = match_names(names, desc)
    assert len(m) >= 2, (desc, m)
    return m


# ---- local helpers (extensions of heldout_lib, same conventions) ------------------------------
def agg_by(key, period, measure, locs=None, category=None, brand=None, universe=None):
    """Totals per sku/location/category/brand, zero-filled over `universe` (so bottom-N sees zeros)."""
    a, b = period
    sel = set(R.skus_where(None, category, brand))
    agg = defaultdict(Fraction)
    for k in universe or []:
        agg[k] += 0
    for (s, l), series in R.sales.items():
        if s not in sel or (locs is not None and l not in locs):
            continue
        u = sum(v for d, v in series.items() if a <= d <= b)
        val = u if measure == "units" else u * R.price[s]
        k = {"sku": s, "location": l, "category": R.items[s]["category"], "brand": R.items[s]["brand"]}[key]
        agg[k] += val
    return agg


def bottom(key, period, measure, n, **kw):
    """Lowest n, lowest first; asserts no tie inside the bottom n or at the cut."""
    agg = agg_by(key, period, measure, **kw)
    ranked = sorted(agg.items(), key=lambda kv: (kv[1], kv[0]))
    vals = [v for _, v in ranked[: n + 1]]
    assert len(set(vals)) == len(vals), f"tie in bottom ranking {ranked[:n + 1]}"
    return [k for k, _ in ranked[:n]]


def on_hand(skus=None, locs=None, brand=None, category=None):
    return sum(q for (s, l), q in R.on_hand.items()
               if (skus is None or s in skus) and (locs is None or l in locs)
               and (brand is None or R.items[s]["brand"] == brand)
               and (category is None or R.items[s]["category"] == category))


def growth(a, b):
    assert b != 0
    return Fraction(a - b) / b if not isinstance(a, float) else (a - b) / b


def company(name):
    return lambda x: x["company"].startswith(name + " Fund Management")


def managed_by(person):
    return lambda x: person in [m.strip() for m in x["manager"].split(",")]


def fm(code, name):
    v = F.metric(code, name)
    assert v is not None, (code, name)
    return v


RET, INV, NDT, FU, FS, FC, NE, CAL, CL, UN = ("retail", "inventory", "nondeterministic", "fund_metric",
                                               "fund_screen", "fund_compare", "network", "calculate",
                                               "clarify", "out_of_scope")
BJ, SH, GZ, CD = "WH-BJ", "WH-SH", "WH-GZ", "WH-CD"
ALL_LOCS = sorted(R.locations)

# ============================================================================================
# Retail sales, single turn
# ============================================================================================
sku = one_sku("desk fan")
p = R.month(5, 2025)
add(RET, ["sales", "description", "lowercase", "named_month"], [T(
    "how many desk fans did the guangzhou warehouse sell in may 2025?",
    **ans("sales_history", R.units(p, skus={sku}, locs={GZ}),
          scope={"skus": [sku], "locations": [GZ], "period": per(p)}))])

p = R.quarter(2)  # Q2 2026 ends on the as-of date, so it has not ended: Q2 2025
assert p == (D(2025, 4, 1), D(2025, 6, 30))
add(RET, ["sales", "revenue", "category", "convention"], [T(
    "What was Personal Care revenue in Q2?",
    **ans("sales_history", R.revenue(p, category="Personal Care"),
          scope={"categories": ["Personal Care"], "period": per(p)}))])

p = (D(2025, 7, 1), D(2025, 12, 31))
add(RET, ["sales", "revenue", "brand", "half"], [T(
    "Golden Harvest revenue for the second half of 2025, please",
    **ans("sales_history", R.revenue(p, brand="Golden Harvest"),
          scope={"brands": ["Golden Harvest"], "period": per(p)}))])

p = R.this_year()
add(RET, ["sales", "revenue", "location", "ytd", "typo"], [T(
    "Shanghai revnue ytd",
    **ans("sales_history", R.revenue(p, locs={SH}), scope={"locations": [SH], "period": per(p)}))])

sku = one_sku("Red Lantern Cola 2L")
p = R.yesterday()
add(RET, ["sales", "yesterday", "description"], [T(
    "How many 2L bottles of Red Lantern cola went out of Beijing yesterday?",
    **ans("sales_history", R.units(p, skus={sku}, locs={BJ}),
          scope={"skus": [sku], "locations": [BJ], "period": per(p)}))])

p = R.last_month()
add(RET, ["sales", "difference", "revenue", "locations"], [T(
    "How much more revenue did Beijing bring in than Chengdu last month?",
    **ans("sales_history", R.revenue(p, locs={BJ}) - R.revenue(p, locs={CD}),
          scope={"locations": [BJ, CD], "period": per(p)}))])

a = R.units(R.month(5, 2026), category="Snacks")
b = R.units(R.month(5, 2025), category="Snacks")
add(RET, ["sales", "yoy", "category"], [T(
    "By how much did snacks unit sales grow in May compared with May a year earlier?",
    **ans("sales_history", growth(a, b), scope={"categories": ["Snacks"]}))])

a = R.revenue(R.quarter(1, 2026), category="Small Appliances")
b = R.revenue(R.quarter(4, 2025), category="Small Appliances")
add(RET, ["sales", "growth", "category", "period_vs_period"], [T(
    "What was the percentage change in Small Appliances revenue from Q4 2025 to Q1 2026?",
    **ans("sales_history", growth(a, b), scope={"categories": ["Small Appliances"]}))])

p = R.last_quarter()
add(RET, ["sales", "share", "location"], [T(
    "What share of last quarter's units did Guangzhou account for?",
    **ans("sales_history", Fraction(R.units(p, locs={GZ}), R.units(p)), scope={"period": per(p)}))])

sku = one_sku("Bright Smile Electric Toothbrush")
p = R.month(2, 2026)
add(RET, ["sales", "average", "description"], [T(
    "Average number of Bright Smile electric toothbrushes sold per day in February 2026, all warehouses?",
    **ans("sales_history", Fraction(R.units(p, skus={sku}), 28),
          scope={"skus": [sku], "period": per(p)}))])

p = R.last_month()
ids = bottom("brand", p, "units", 3, locs={SH}, universe=sorted({x["brand"] for x in R.items.values()}))
add(RET, ["sales", "ranking", "bottom", "brand"], [T(
    "Which 3 brands sold the fewest units in Shanghai last month?",
    **ans("sales_history", ids=ids, ordered=False, scope={"locations": [SH], "period": per(p)}))])

p = R.this_week()
assert p == (D(2026, 6, 29), D(2026, 6, 30))
add(RET, ["sales", "this_week", "location"], [T(
    "How many units has Guangzhou sold so far this week?",
    **ans("sales_history", R.units(p, locs={GZ}), scope={"locations": [GZ], "period": per(p)}))])

p = R.since_month(4)
add(RET, ["sales", "revenue", "category", "since"], [T(
    "beverage revenue since april?",
    **ans("sales_history", R.revenue(p, category="Beverages"),
          scope={"categories": ["Beverages"], "period": per(p)}))])

sku = one_sku("Tiny Steps Diapers Size M")
p = (D(2026, 3, 1), D(2026, 5, 31))
add(RET, ["sales", "last_n_months", "description"], [T(
    "Units of Tiny Steps size M diapers sold over the last 3 full months, network-wide",
    **ans("sales_history", R.units(p, skus={sku}), scope={"skus": [sku], "period": per(p)}))])

p = R.quarter(1, 2026)
ids, _ = R.rank("sku", p, "units", n=5, locs={BJ})
add(RET, ["sales", "ranking", "sku", "number_words"], [T(
    "top five SKUs by units in Beijing in the first quarter of this year",
    **ans("sales_history", ids=ids, ordered=True, scope={"locations": [BJ], "period": per(p)}))])

p = R.quarter(1, 2026)
add(RET, ["sales", "compare", "locations"], [T(
    "Beijing vs Shanghai units sold in Q1 2026",
    **ans("sales_history", ids=[BJ, SH], ordered=False, scope={"locations": [BJ, SH], "period": per(p)}))])

# ============================================================================================
# Inventory, valued
# ============================================================================================
sku = one_sku("Clean Wave Dish Soap")
add(INV, ["on_hand", "all_locations", "description"], [T(
    "How much Clean Wave dish soap do we have on hand across all warehouses?",
    **ans("inventory_status", on_hand(skus={sku}), scope={"skus": [sku]}))])

sku = one_sku("Homely Space Heater")
add(INV, ["position", "description"], [T(
    "What's the inventory position for the Homely space heater in Beijing?",
    **ans("inventory_status", R.on_hand[(sku, BJ)] + R.open_po(sku, BJ), scope={"skus": [sku], "locations": [BJ]}))])

add(INV, ["stock_value", "category", "location"], [T(
    "what is our snacks stock in guangzhou worth at cost?",
    **ans("inventory_status", R.stock_value(locs={GZ}, category="Snacks"),
          scope={"categories": ["Snacks"], "locations": [GZ]}))])

add(INV, ["stock_value", "retail_price", "network"], [T(
    "What's all our inventory worth at retail prices, across the whole network?",
    **ans("inventory_status", R.stock_value(at="price")))])

oos = [s for s in R.skus_at(GZ) if R.on_hand[(s, GZ)] == 0]
assert len(oos) >= 2
add(INV, ["out_of_stock", "count"], [T(
    "How many SKUs are completely out of stock in Guangzhou right now?",
    **ans("inventory_status", len(oos), scope={"locations": [GZ]}))])

sku = one_sku("Jade Spring Mineral Water 1.5L")
add(NDT, ["inventory_status", "days_of_cover", "nondeterministic"], [T(
    "How many days of cover do we have on Jade Spring mineral water 1.5L in Shanghai?",
    **ans("inventory_status", scope={"skus": [sku], "locations": [SH]}))])

# ============================================================================================
# Retail, status + intent + scope only
# ============================================================================================
sku = one_sku("Happy Paws Cat Litter")
add(NDT, ["forecast", "description", "nondeterministic"], [T(
    "Expected demand for Happy Paws cat litter across all warehouses over the next 30 days?",
    **ans("forecast", scope={"skus": [sku], "horizon_days": 30}))])

sku = one_sku("Zhilan Soymilk Maker")
add(NDT, ["replenishment", "description", "nondeterministic"], [T(
    "Do we need to place an order for the Zhilan soymilk maker in Beijing, and how many?",
    **ans("replenishment", scope={"skus": [sku], "locations": [BJ]}))])

add(NDT, ["excess_stock", "network", "nondeterministic"], [T(
    "Which SKUs are sitting on more than 120 days of cover?",
    **ans("excess_stock"))])

add(NDT, ["forecast_accuracy", "sku", "nondeterministic"], [T(
    "How accurate have our forecasts been for SKU-10056?",
    **ans("forecast_accuracy", scope={"skus": ["SKU-10056"]}))])

# ============================================================================================
# Fund metrics, single turn
# ============================================================================================
def fmetric(q, code, name, tags, lang="en"):
    add(FU, ["fund_metric"] + tags, [T(q, **ans("fund_metric", fm(code, name), scope={"funds": [code]}))],
        lang=lang)


fmetric("What's the YTD return of Silver Bay SSE 50 Index?", one_fund("Silver Bay SSE 50"), "return_ytd",
        ["return_ytd"])
fmetric("total return since launch for F0074?", "F0074", "return_total_since_inception",
        ["return_total_since_inception", "synonym"])
fmetric("What is the annualised return since inception of the Lotus Gate convertible bond fund?",
        one_fund("Lotus Gate Convertible Bond"), "return_since_inception", ["return_since_inception"])
fmetric("What's the five-year Sharpe ratio of Orient Bridge Technology Pioneer Equity?",
        one_fund("Orient Bridge Technology Pioneer Equity"), "sharpe_5y", ["sharpe", "number_words"])
fmetric("sortino over 3 yrs for the lotus gate nasdaq 100 fund", one_fund("Lotus Gate Nasdaq 100"),
        "sortino_3y", ["sortino", "lowercase", "abbrev"])
fmetric("How big is the Yellow Sea Treasure Money Market fund (AUM)?", one_fund("Yellow Sea Treasure Money Market"),
        "aum", ["aum"])
fmetric("What does Golden Crane Asia Pacific Select QDII charge in annual fees?",
        one_fund("Golden Crane Asia Pacific"), "expense_ratio", ["expense_ratio", "partial_name"])
fmetric("3-year return of Silver Bay Blue Chip Equity?", one_fund("Silver Bay Blue Chip Equity"), "return_3y",
        ["return", "no_nav_column"])

code = "F0137"
add(FU, ["fund_metric", "manager"], [T("Who manages F0137?", **ans("fund_metric", scope={"funds": [code]}))])

code = one_fund("Phoenix Rise Short-Term Bond")
assert F.metric(code, "sharpe_3y") is None  # launched 2026-02-27: not enough history
add(FU, ["fund_metric", "insufficient_history", "edge"], [T(
    "What's the 3-year Sharpe of Phoenix Rise Short-Term Bond?",
    **ans("fund_metric", no_value=True, scope={"funds": [code]}))])

# ============================================================================================
# Fund screens, single turn
# ============================================================================================
ids = F.screen(category="bond", filters=[("risk_level", "<=", 1)], sort="return_1y", descending=True)
# four risk-1 bond funds; two launched in 2025/2026 have no 1-year return and drop out (data.md)
assert len(ids) == 2
add(FS, ["fund_screen", "risk", "sort", "missing_sort_value"], [T(
    "Bond funds with risk level 1, ranked by 1-year return",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = F.screen(category="equity", filters=[("expense_ratio", "<", 0.014)], sort="sharpe_3y", descending=True, limit=5)
assert len(ids) == 5
add(FS, ["fund_screen", "fees", "top_n"], [T(
    "equity funds with an expense ratio under 1.4% — top 5 by 3y sharpe",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = F.screen(category="index", filters=[("aum", ">", 5000)])
assert len(ids) >= 3
add(FS, ["fund_screen", "aum"], [T(
    "Which index funds have more than 5 billion in AUM?",
    **ans("fund_screen", ids=ids, ordered=False))])

ids = F.screen(category="qdii", filters=[("max_drawdown_1y", "<", 0.15)])
assert len(ids) >= 2
add(FS, ["fund_screen", "drawdown"], [T(
    "List the QDII funds whose 1-year max drawdown stayed below 15%.",
    **ans("fund_screen", ids=ids, ordered=False))])

ids = F.screen(filters=[("return_1y", ">", 0.10)], where=company("Summit Peak"))
assert len(ids) >= 2
add(FS, ["fund_screen", "company"], [T(
    "Summit Peak funds with a 1-year return above 10%",
    **ans("fund_screen", ids=ids, ordered=False))])

ids = F.screen(where=managed_by("Zhang Wei"))
assert len(ids) >= 2
add(FS, ["fund_screen", "manager"], [T(
    "Which funds does Zhang Wei manage?",
    **ans("fund_screen", ids=ids, ordered=False))])

ids = F.screen(category="money_market", filters=[("aum", ">", 1000)])
add(FS, ["fund_screen", "count", "aum"], [T(
    "How many money market funds have AUM above 1,000 million?",
    **ans("fund_screen", len(ids)))])

ids = F.screen(category="commodity")
assert all(F.active(c) for c in F.funds if F.funds[c]["category"] == "commodity")
avg = sum(Fraction(F.funds[c]["expense_ratio"]) for c in ids) / len(ids)
add(FS, ["fund_screen", "average", "fees"], [T(
    "What's the average expense ratio across our commodity funds?",
    **ans("fund_screen", avg))])

ids = F.screen(category="mixed", filters=[("volatility_3y", "<", 0.13)], sort="return_3y", descending=True, limit=3)
assert len(ids) == 3
add(FS, ["fund_screen", "volatility", "top_n"], [T(
    "Among mixed funds with 3-year volatility under 13%, which three have the highest 3-year annualised return?",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = F.screen(category="equity", sort="return_1y", descending=False, limit=5)
add(FS, ["fund_screen", "bottom", "sort_asc"], [T(
    "Show me the 5 worst-performing equity funds over the past year",
    **ans("fund_screen", ids=ids, ordered=False))])

# ============================================================================================
# Fund comparisons
# ============================================================================================
add(FC, ["fund_compare", "codes"], [T(
    "Compare F0012 and F0019 on 1-year return and volatility",
    **ans("fund_compare", ids=["F0012", "F0019"], ordered=False, scope={"funds": ["F0012", "F0019"]}))])

c3 = [one_fund("Jade Harbor CSI 300 Enhanced"), one_fund("Lotus Gate CSI 300 Enhanced"),
      one_fund("Phoenix Rise CSI 300 Enhanced")]
add(FC, ["fund_compare", "three_funds", "names"], [T(
    "Jade Harbor CSI 300 Enhanced vs Lotus Gate CSI 300 Enhanced vs Phoenix Rise CSI 300 Enhanced: fees and 3-year Sharpe",
    **ans("fund_compare", ids=c3, ordered=False, scope={"funds": c3}))])

c2 = [one_fund("Blue River Pure Bond"), "F0085"]
# "Silver Bay Pure Bond" is the exact full name of F0085 (F0134 is "Silver Bay Pure Bond Select")
assert fund_names["F0085"] == "Silver Bay Pure Bond" and match_names(fund_names, "Silver Bay Pure Bond") == ["F0085", "F0134"]
add(FC, ["fund_compare", "which_better"], [T(
    "Which has the better 3-year Sharpe, Blue River Pure Bond or Silver Bay Pure Bond?",
    **ans("fund_compare", ids=c2, ordered=False, scope={"funds": c2}))])

# ============================================================================================
# Network, single turn
# ============================================================================================
base = N.baseline()
b0 = N.solve(base)
assert b0 is not None


def nturn(q, edits, infeasible=False):
    if edits:
        v = N.solve(apply_edits(base, edits))
        intent = "network_what_if"
        if infeasible:
            assert v is None, (q, v)
            return T(q, edits=edits, **ans(intent, no_value=True))
        assert v is not None and v != b0, (q, v, b0)
    else:
        v = b0
        intent = "network_optimize"
    return T(q, edits=edits, **ans(intent, v, tol=1e-6))


def net(q, edits, tags, infeasible=False):
    t = nturn(q, edits, infeasible)
    add(NE, [t["expect"]["intent"]] + tags, [t])


net("If Harbour Imports could only supply 100 units of leaf, what would the best plan cost?",
    [{"op": "supply", "node": "Harbour Imports", "product": "leaf", "set": 100}], ["supply"])
net("Suppose shipping from South Packing to S08 costs 1 more per unit. New optimal cost?",
    [{"op": "lane_cost", "from": "South Packing", "to": "S08", "add": 1}], ["lane_cost", "add"])
net("What would it cost if we had to keep Central Packing open?",
    [{"op": "facility", "node": "Central Packing", "open": True}], ["open_facility"])
net("What if the North Packing to S03 lane can't be used anymore?",
    [{"op": "forbid_lane", "from": "North Packing", "to": "S03"}], ["forbid_lane", "infeasible", "edge"],
    infeasible=True)
net("what happens to total cost if demand at every store falls by 10%?",
    [{"op": "demand", "node": "*", "product": None, "scale": 0.9}], ["demand_scale", "all_stores"])
net("If we close South Packing and let Assam Estate ship up to 1500 units, what's the cheapest plan?",
    [{"op": "facility", "node": "South Packing", "open": False},
     {"op": "supplier_capacity", "node": "Assam Estate", "set": 1500}], ["combined", "close_facility"])

# ============================================================================================
# Calculate
# ============================================================================================

# ============================================================================================
# Multi-turn cases
# ============================================================================================
sku = one_sku("Misty Peak Oolong Tea 1L")
# Gold corrected after first contact (see README): the contract's dev set reads a bare
# "what about last year?" after a month as the calendar year (dev-0004, dev-0036), so
# turn 2 is all of 2025 and turn 3 is 2025's growth over 2024.
pa, pb = R.month(4), (D(2025, 1, 1), D(2025, 12, 31))
pc = (D(2024, 1, 1), D(2024, 12, 31))
assert pa == (D(2026, 4, 1), D(2026, 4, 30))
ua, ub = R.units(pa, skus={sku}, locs={SH}), R.units(pb, skus={sku}, locs={SH})
uc = R.units(pc, skus={sku}, locs={SH})
add(RET, ["sales", "follow_up", "last_year", "yoy"], [
    T("How many Misty Peak Oolong Tea 1L did Shanghai sell in April?",
      **ans("sales_history", ua, scope={"skus": [sku], "locations": [SH], "period": per(pa)})),
    T("and last year?",
      **ans("sales_history", ub, scope={"skus": [sku], "locations": [SH], "period": per(pb)})),
    T("so what's the year-over-year growth?",
      **ans("sales_history", growth(ub, uc), scope={"skus": [sku], "locations": [SH]}))])

p = R.last_month()
kw = R.skus_where(category="Kitchenware")
assert all((s, GZ) in R.on_hand for s in kw)  # every kitchenware SKU is stocked in Guangzhou
top, _ = R.rank("sku", p, "revenue", n=5, locs={GZ}, category="Kitchenware")
bot = bottom("sku", p, "revenue", 3, locs={GZ}, category="Kitchenware", universe=kw)
assert all(R.revenue(p, skus={s}, locs={GZ}) > 0 for s in bot)
add(RET, ["sales", "follow_up", "ranking", "bottom"], [
    T("top 5 kitchenware items by revenue in guangzhou last month",
      **ans("sales_history", ids=top, ordered=True,
            scope={"categories": ["Kitchenware"], "locations": [GZ], "period": per(p)})),
    T("what about the bottom 3?",
      **ans("sales_history", ids=bot, ordered=False,
            scope={"categories": ["Kitchenware"], "locations": [GZ], "period": per(p)}))])

p = R.quarter(1, 2026)
add(RET, ["sales", "follow_up", "change_place", "revenue", "category"], [
    T("Revenue from Pet Supplies in Beijing, Q1 2026?",
      **ans("sales_history", R.revenue(p, category="Pet Supplies", locs={BJ}),
            scope={"categories": ["Pet Supplies"], "locations": [BJ], "period": per(p)})),
    T("And Chengdu?",
      **ans("sales_history", R.revenue(p, category="Pet Supplies", locs={CD}),
            scope={"categories": ["Pet Supplies"], "locations": [CD], "period": per(p)})),
    T("And across all warehouses?",
      **ans("sales_history", R.revenue(p, category="Pet Supplies"),
            scope={"categories": ["Pet Supplies"], "locations": [], "period": per(p)}))])

p = R.this_year()
add(RET, ["sales", "follow_up", "change_measure", "brand", "ytd"], [
    T("How many Red Lantern units have we sold year to date?",
      **ans("sales_history", R.units(p, brand="Red Lantern"), scope={"brands": ["Red Lantern"], "period": per(p)})),
    T("and in revenue terms?",
      **ans("sales_history", R.revenue(p, brand="Red Lantern"), scope={"brands": ["Red Lantern"], "period": per(p)}))])

sku = one_sku("Happy Paws Dog Food 10kg")
p1, p2 = R.last_n_days(28), R.month(5, 2025)
add(RET, ["sales", "follow_up", "change_period", "description"], [
    T("Units of Happy Paws dog food 10kg sold in Shanghai over the last 4 weeks?",
      **ans("sales_history", R.units(p1, skus={sku}, locs={SH}),
            scope={"skus": [sku], "locations": [SH], "period": per(p1)})),
    T("And in May last year?",
      **ans("sales_history", R.units(p2, skus={sku}, locs={SH}),
            scope={"skus": [sku], "locations": [SH], "period": per(p2)}))])

s1, s2 = one_sku("Bubble Crane Sports Drink 600ml"), one_sku("Red Lantern Sports Drink 600ml")
p = R.last_month()
add(RET, ["sales", "follow_up", "change_product"], [
    T("Bubble Crane Sports Drink 600ml units in GZ last month",
      **ans("sales_history", R.units(p, skus={s1}, locs={GZ}), scope={"skus": [s1], "locations": [GZ], "period": per(p)})),
    T("what about the Red Lantern one?",
      **ans("sales_history", R.units(p, skus={s2}, locs={GZ}), scope={"skus": [s2], "locations": [GZ], "period": per(p)}))])

p = (D(2025, 1, 1), D(2025, 12, 31))
bev, tot = R.revenue(p, category="Beverages"), R.revenue(p)
add(RET, ["sales", "follow_up", "share", "previous_figure"], [
    T("What was Beverages revenue in 2025?",
      **ans("sales_history", bev, scope={"categories": ["Beverages"], "period": per(p)})),
    T("As a share of total revenue?",
      **ans("sales_history", bev / tot, scope={"period": per(p)}))])

a_, b_ = one_sku("Grassland King Roasted Peanuts 350g"), one_sku("Golden Harvest 350g peanuts")
p = R.quarter(1, 2026)
ua = R.units(p, skus={a_}, locs={BJ})
ub = R.units(p, skus={b_}, locs={BJ})
assert ua > ub > 0
add(RET, ["sales", "follow_up", "difference", "previous_figure"], [
    T("Units of Grassland King Roasted Peanuts 350g sold in Beijing in Q1 2026?",
      **ans("sales_history", ua, scope={"skus": [a_], "locations": [BJ], "period": per(p)})),
    T("How many more is that than the Golden Harvest 350g peanuts sold there in the same quarter?",
      **ans("sales_history", ua - ub, scope={"locations": [BJ], "period": per(p)}))])

sku = one_sku("Whisker Joy Cat Scratcher")
oh, po = R.on_hand[(sku, CD)], R.open_po(sku, CD)
add(INV, ["follow_up", "on_hand", "open_po", "position"], [
    T("On hand for the Whisker Joy cat scratcher in Chengdu?",
      **ans("inventory_status", oh, scope={"skus": [sku], "locations": [CD]})),
    T("and how many are on order?",
      **ans("inventory_status", po, scope={"skus": [sku], "locations": [CD]})),
    T("so what's the inventory position?",
      **ans("inventory_status", oh + po, scope={"skus": [sku], "locations": [CD]}))])

add(INV, ["follow_up", "stock_value", "retail_price"], [
    T("Stock value of kitchenware in Beijing at cost?",
      **ans("inventory_status", R.stock_value(locs={BJ}, category="Kitchenware"),
            scope={"categories": ["Kitchenware"], "locations": [BJ]})),
    T("And at retail price?",
      **ans("inventory_status", R.stock_value(locs={BJ}, category="Kitchenware", at="price"),
            scope={"categories": ["Kitchenware"], "locations": [BJ]}))])

sku = "SKU-10125"
p = R.last_n_days(14)
assert (sku, BJ) in R.on_hand and (sku, GZ) in R.on_hand and R.units(p, skus={sku}, locs={GZ}) > 0
add(NDT, ["follow_up", "forecast", "change_place", "nondeterministic"], [
    T("Forecast for SKU-10125 in Beijing for the next 2 weeks?",
      **ans("forecast", scope={"skus": [sku], "locations": [BJ], "horizon_days": 14})),
    T("And in Guangzhou?",
      **ans("forecast", scope={"skus": [sku], "locations": [GZ], "horizon_days": 14})),
    T("How many did it actually sell there over the last 2 weeks?",
      **ans("sales_history", R.units(p, skus={sku}, locs={GZ}),
            scope={"skus": [sku], "locations": [GZ], "period": per(p)}))])

sku = one_sku("Iron Chef Non-stick Wok")
add(NDT, ["follow_up", "inventory_policy", "nondeterministic"], [
    T("EOQ for the Iron Chef non-stick wok in Shanghai?",
      **ans("inventory_policy", scope={"skus": [sku], "locations": [SH]})),
    T("and the safety stock at 97% service?",
      **ans("inventory_policy", scope={"skus": [sku], "locations": [SH]}))])

add(NDT, ["follow_up", "stockout_risk", "replenishment", "nondeterministic"], [
    T("Which pet supplies could run out in Shanghai within 7 days?",
      **ans("stockout_risk", scope={"categories": ["Pet Supplies"], "locations": [SH], "horizon_days": 7})),
    T("What should we order for them today?",
      **ans("replenishment", scope={"categories": ["Pet Supplies"], "locations": [SH]}))])

# ---- funds, multi-turn ----------------------------------------------------------------------
g, s = one_fund("Golden Crane ChiNext"), one_fund("Summit Peak ChiNext")
add(FU, ["fund_metric", "follow_up", "change_metric", "change_fund"], [
    T("1-year Sharpe of the Golden Crane ChiNext fund?", **ans("fund_metric", fm(g, "sharpe_1y"), scope={"funds": [g]})),
    T("and its 3-year volatility?", **ans("fund_metric", fm(g, "volatility_3y"), scope={"funds": [g]})),
    T("same for Summit Peak ChiNext Index?", **ans("fund_metric", fm(s, "volatility_3y"), scope={"funds": [s]}))])

c = one_fund("Red Maple Value Equity")
add(FU, ["fund_metric", "follow_up", "change_metric"], [
    T("Max drawdown over 5 years for Red Maple Value Equity?", **ans("fund_metric", fm(c, "max_drawdown_5y"), scope={"funds": [c]})),
    T("And the Calmar ratio over the same window?", **ans("fund_metric", fm(c, "calmar_5y"), scope={"funds": [c]}))])

c1, c2_ = one_fund("Yellow Sea Value Equity"), one_fund("Red Maple Value Equity")
add(FC, ["fund_metric", "fund_compare", "follow_up"], [
    T("What's the 3-year annualised return of Yellow Sea Value Equity?",
      **ans("fund_metric", fm(c1, "return_3y"), scope={"funds": [c1]})),
    T("How does it compare with Red Maple Value Equity?",
      **ans("fund_compare", ids=[c1, c2_], ordered=False, scope={"funds": [c1, c2_]}))])

ids1 = F.screen(category="bond", filters=[("return_3y", ">", 0.03)], sort="volatility_3y", descending=False)
ids2 = F.screen(category="bond", filters=[("return_3y", ">", 0.03), ("expense_ratio", "<", 0.005)],
                sort="volatility_3y", descending=False)
ids3 = F.screen(category="bond", filters=[("return_3y", ">", 0.03), ("expense_ratio", "<", 0.005)],
                sort="volatility_3y", descending=False, limit=3)
assert len(ids1) > len(ids2) > 3, (ids1, ids2)
add(FS, ["fund_screen", "follow_up", "narrow", "limit"], [
    T("bond funds with a 3-year return above 3%, sorted by 3-year volatility",
      **ans("fund_screen", ids=ids1, ordered=True)),
    T("only the ones with fees under 0.5%", **ans("fund_screen", ids=ids2, ordered=True)),
    T("just the top 3", **ans("fund_screen", ids=ids3, ordered=True))])

ids1 = F.screen(category="equity", sort="return_1y", descending=True, limit=5)
ids2 = F.screen(category="equity", sort="sharpe_1y", descending=True, limit=5)
ids3 = F.screen(category="equity", filters=[("expense_ratio", "<", 0.015)], sort="sharpe_1y", descending=True, limit=5)
assert ids1 != ids2 and ids2 != ids3, (ids1, ids2, ids3)
add(FS, ["fund_screen", "follow_up", "resort", "narrow"], [
    T("Top 5 equity funds by 1-year return", **ans("fund_screen", ids=ids1, ordered=True)),
    T("sort by 1-year sharpe instead", **ans("fund_screen", ids=ids2, ordered=True)),
    T("keep only the ones charging less than 1.5% a year", **ans("fund_screen", ids=ids3, ordered=True))])

ids1 = F.screen(category="index", filters=[("expense_ratio", "<", 0.003)])
ids2 = F.screen(category="index", filters=[("expense_ratio", "<", 0.003), ("aum", ">", 1000)])
assert ids1 != ids2 and ids2
add(FS, ["fund_screen", "follow_up", "narrow", "aum"], [
    T("index funds with fees below 0.3%", **ans("fund_screen", ids=ids1, ordered=False)),
    T("of those, which manage more than 1,000 million?", **ans("fund_screen", ids=ids2, ordered=False))])

f1, f2, f3 = "F0044", "F0125", one_fund("Great Wall Star Financial Reform Equity A")
add(FC, ["fund_compare", "follow_up", "add_fund", "change_metric"], [
    T("compare F0044 and F0125 on 3y return",
      **ans("fund_compare", ids=[f1, f2], ordered=False, scope={"funds": [f1, f2]})),
    T("add Great Wall Star Financial Reform Equity A to that",
      **ans("fund_compare", ids=[f1, f2, f3], ordered=False, scope={"funds": [f1, f2, f3]})),
    T("and how do the three look on 3-year max drawdown?",
      **ans("fund_compare", ids=[f1, f2, f3], ordered=False, scope={"funds": [f1, f2, f3]}))])

# ---- network, multi-turn ----------------------------------------------------------------------
e1 = [{"op": "supplier_capacity", "node": "Darjeeling Estate", "set": 500}]
e2 = [{"op": "supplier_capacity", "node": "Darjeeling Estate", "scale": 0.7}]
e3 = e2 + [{"op": "lane_cost", "from": "Assam Estate", "to": "North Packing", "set": 3}]
v1, v2, v3 = (N.solve(apply_edits(base, e)) for e in (e1, e2, e3))
v3_alone = N.solve(apply_edits(base, e3[1:]))
assert len({v1, v2, v3, v3_alone, b0}) == 5, (v1, v2, v3, v3_alone, b0)
add(NE, ["network_what_if", "follow_up", "instead", "on_top"], [
    nturn("What if Darjeeling Estate could only ship 500 units?", e1),
    nturn("and if its capacity dropped by 30% instead?", e2),
    nturn("on top of that, Assam Estate to North Packing now costs 3 per unit", e3)])

e1 = [{"op": "demand", "node": "S08", "product": None, "scale": 1.2}]
e2 = e1 + [{"op": "lane_cost", "from": "South Packing", "to": "S09", "set": 3}]
v1, v2, v2_alone = (N.solve(apply_edits(base, e)) for e in (e1, e2, e2[1:]))
assert len({v1, v2, v2_alone, b0}) == 4
add(NE, ["network_optimize", "network_what_if", "follow_up", "on_top"], [
    nturn("What does our cheapest distribution plan cost right now?", []),
    nturn("What if Bayview needed 20% more of everything?", e1),
    nturn("And on top of that the South Packing to Southport lane went to 3 per unit?", e2)])

e1 = [{"op": "demand", "node": "S03", "product": "green_tea", "add": 50}]
e2 = [{"op": "demand", "node": "S03", "product": "green_tea", "add": 50},
      {"op": "facility", "node": "North Packing", "open": False}]
assert N.solve(apply_edits(base, e2)) is None
add(NE, ["network_what_if", "follow_up", "on_top", "infeasible", "edge"], [
    nturn("If Old Town wanted 50 more units of green tea, what would the plan cost?", e1),
    nturn("on top of that close North Packing", e2, infeasible=True)])

# ---- calculate, multi-turn --------------------------------------------------------------------
add(CAL, ["calculate", "follow_up", "number_words"], [
    T("what is two to the power of ten?", **ans("calculate", 1024, tol=1e-12)),
    T("subtract 24 and divide by eight", **ans("calculate", 125, tol=1e-12))])

# ============================================================================================
# Chinese (zh) and Arabic (ar)
# ============================================================================================
p = R.month(12, 2025)
add(RET, ["sales", "follow_up", "change_place"], [
    T("成都仓库去年12月卖了多少件SKU-10088？",
      **ans("sales_history", R.units(p, skus={"SKU-10088"}, locs={CD}),
            scope={"skus": ["SKU-10088"], "locations": [CD], "period": per(p)})),
    T("那广州呢？",
      **ans("sales_history", R.units(p, skus={"SKU-10088"}, locs={GZ}),
            scope={"skus": ["SKU-10088"], "locations": [GZ], "period": per(p)}))], lang="zh")

p = R.last_month()
add(RET, ["sales", "revenue", "location"], [T(
    "上个月北京仓的总销售额是多少？",
    **ans("sales_history", R.revenue(p, locs={BJ}), scope={"locations": [BJ], "period": per(p)}))], lang="zh")

p = R.quarter(1, 2026)
ids, _ = R.rank("brand", p, "units", n=3)
add(RET, ["sales", "ranking", "brand"], [T(
    "今年第一季度销量前三的品牌是哪些？",
    **ans("sales_history", ids=ids, ordered=True, scope={"period": per(p)}))], lang="zh")

p = (D(2025, 1, 1), D(2025, 12, 31))
add(RET, ["sales", "revenue", "category", "chinese_category"], [T(
    "零食类去年的销售收入是多少？",
    **ans("sales_history", R.revenue(p, category="Snacks"), scope={"categories": ["Snacks"], "period": per(p)}))],
    lang="zh")

p = R.last_n_days(30)
add(RET, ["sales", "average", "location"], [T(
    "近30天成都仓平均每天卖多少件？",
    **ans("sales_history", Fraction(R.units(p, locs={CD}), 30), scope={"locations": [CD], "period": per(p)}))],
    lang="zh")

add(INV, ["open_po"], [T(
    "SKU-10045在上海仓还有多少在途的采购订单数量？",
    **ans("inventory_status", R.open_po("SKU-10045", SH), scope={"skus": ["SKU-10045"], "locations": [SH]}))],
    lang="zh")

ids1 = F.screen(category="bond", filters=[("risk_level", "<=", 2)], sort="return_1y", descending=True, limit=5)
ids2 = F.screen(category="bond", filters=[("risk_level", "<=", 2), ("expense_ratio", "<", 0.005)],
                sort="return_1y", descending=True, limit=5)
assert ids1 != ids2
add(FS, ["fund_screen", "follow_up", "narrow", "risk", "top_n"], [
    T("风险等级2级及以下的债券基金，按近一年收益从高到低排前5名", **ans("fund_screen", ids=ids1, ordered=True)),
    T("只看费率低于0.5%的", **ans("fund_screen", ids=ids2, ordered=True))], lang="zh")

fmetric("基金F0137近五年最大回撤是多少？", "F0137", "max_drawdown_5y", ["max_drawdown"], lang="zh")

add(FC, ["fund_compare", "codes"], [T(
    "比较一下F0006和F0092近一年的收益和波动率",
    **ans("fund_compare", ids=["F0006", "F0092"], ordered=False, scope={"funds": ["F0006", "F0092"]}))], lang="zh")

# Arabic
p = R.month(3, 2026)
add(RET, ["sales", "location", "named_month"], [T(
    "كم وحدة باع مستودع شنغهاي في مارس 2026؟",
    **ans("sales_history", R.units(p, locs={SH}), scope={"locations": [SH], "period": per(p)}))], lang="ar")

p = (D(2025, 1, 1), D(2025, 12, 31))
ids, _ = R.rank("category", p, "revenue", n=3)
add(RET, ["sales", "ranking", "category"], [T(
    "ما هي أعلى 3 فئات من حيث الإيرادات في العام الماضي؟",
    **ans("sales_history", ids=ids, ordered=True, scope={"period": per(p)}))], lang="ar")

fmetric("ما هو أقصى تراجع للصندوق F0074 خلال سنة واحدة؟", "F0074", "max_drawdown_1y", ["max_drawdown"], lang="ar")

ids = F.screen(category="equity", sort="sharpe_3y", descending=True, limit=5)
add(FS, ["fund_screen", "top_n"], [T(
    "أعطني أفضل 5 صناديق أسهم من حيث نسبة شارب لثلاث سنوات",
    **ans("fund_screen", ids=ids, ordered=True))], lang="ar")

add(INV, ["on_hand"], [T(
    "كم المخزون المتوفر من SKU-10077 في مستودع بكين؟",
    **ans("inventory_status", R.on_hand[("SKU-10077", BJ)], scope={"skus": ["SKU-10077"], "locations": [BJ]}))],
    lang="ar")

# ============================================================================================
# Clarify (genuinely ambiguous)
# ============================================================================================
many(item_names, "space heater")
add(CL, ["clarify", "ambiguous_product"], [T(
    "How many space heaters did Beijing sell in December?", status="clarify", intent="sales_history")])
many(item_names, "thermos cup 500ml")
add(CL, ["clarify", "ambiguous_product", "lowercase"], [T(
    "on hand of the 500ml thermos cup in shanghai?", status="clarify", intent="inventory_status")])
many(item_names, "air fryer 5L")
add(CL, ["clarify", "ambiguous_product"], [T(
    "Forecast for the 5L air fryer in Chengdu over the next 2 weeks", status="clarify", intent="forecast")])
many(item_names, "cat treats")
add(CL, ["clarify", "ambiguous_product"], [T(
    "What's the reorder point for cat treats in Guangzhou?", status="clarify", intent="inventory_policy")])
many(fund_names, "Blue River Advanced Manufacturing Equity")
add(CL, ["clarify", "ambiguous_fund", "share_class"], [T(
    "Max drawdown over 3 years of Blue River Advanced Manufacturing Equity?", status="clarify", intent="fund_metric")])
many(fund_names, "Summit Peak Low Carbon Equity")
add(CL, ["clarify", "ambiguous_fund", "share_class"], [T(
    "Compare Summit Peak Low Carbon Equity with Orient Bridge Low Carbon Equity on 1-year return",
    status="clarify", intent="fund_compare")])
many(fund_names, "Yellow Sea Pure Bond")
add(CL, ["clarify", "ambiguous_fund"], [T(
    "1-year volatility of Yellow Sea Pure Bond?", status="clarify", intent="fund_metric")])
many(item_names, "Electric Kettle 1.7L")
add(CL, ["clarify", "ambiguous_product"], [T(
    "Electric Kettle 1.7L上个月在上海卖了多少？", status="clarify", intent="sales_history")], lang="zh")

# ============================================================================================
# Out of scope
# ============================================================================================
for q, tag, lang in [
    ("Set the on-hand quantity of SKU-10001 in Beijing to 5000.", "change_data", "en"),
    ("Delete every cancelled purchase order from the system.", "change_data", "en"),
    ("Write me a SQL query that lists every SKU with a negative margin.", "code", "en"),
    ("Will the Shanghai Composite go up next week?", "market", "en"),
    ("I'm 35 with 200k saved. Should I put my retirement money into Summit Peak Nasdaq 100 QDII?",
     "personal_advice", "en"),
    ("How many employees work at the Chengdu warehouse?", "not_in_data", "en"),
    ("帮我把广州仓的库存全部清零", "change_data", "zh"),
    ("ما هو سعر سهم علي بابا اليوم؟", "stock_price", "ar"),
]:
    add(UN, ["out_of_scope", tag], [T(q, status="unsupported", intent=None)], lang=lang)

# ============================================================================================
with open(args.out, "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")

# validate
kinds, langs = defaultdict(int), defaultdict(int)
with open(args.out, encoding="utf-8") as f:
    lines = f.read().splitlines()
ids_seen = set()
nturns = multi = 0
for ln in lines:
    c = json.loads(ln)
    assert c["id"] not in ids_seen
    ids_seen.add(c["id"])
    assert c["turns"] and all("q" in t and "expect" in t for t in c["turns"])
    kinds[c["tags"][1]] += 1
    nturns += len(c["turns"])
    multi += len(c["turns"]) > 1
    langs[c["lang"]] += len(c["turns"])
assert len(lines) >= 95, len(lines)
print(len(lines), "cases,", nturns, "turns,", multi, "multi-turn;", dict(kinds), "turns by lang", dict(langs))
