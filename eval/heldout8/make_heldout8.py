#!/usr/bin/env python3
"""Build heldout8.jsonl: an eighth held-out question set for `abacus ask` on shared/data/sample.

Python 3 standard library only.  Expected figures come from the independent reference library
../heldout/heldout_lib.py (computed straight from the canonical CSVs per shared/spec/*.md), extended
locally below (bottom-N rankings, shares, counts, fund aggregates) without modifying the library.

    python3 eval/heldout8/make_heldout8.py [--data ../shared/data/sample]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import sys
from collections import Counter
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "heldout"))
from heldout_lib import D, Funds, Network, Retail, apply_edits, iso, match_names  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "sample"))
ap.add_argument("--out", default=os.path.join(HERE, "heldout8.jsonl"))
args = ap.parse_args()
if not os.path.isdir(args.data):
    args.data = "/work/shared/data/sample"

R = Retail(args.data)
F = Funds(args.data)
N = Network(args.data)
assert R.asof == D(2026, 6, 30), R.asof

cases = []


def num(v):
    if isinstance(v, Fraction):
        return int(v) if v.denominator == 1 else float(v)
    return v


def per(p):
    return {"start": iso(p[0]), "end": iso(p[1])}


def add(kind, tags, turns, lang="en"):
    cases.append({"id": f"h8-{len(cases) + 1:03d}", "dataset": "sample", "lang": lang,
                  "tags": [("multi" if len(turns) > 1 else "single"), kind] + tags, "turns": turns})


def T(q, **expect):
    return {"q": q, "expect": expect}


def ans(intent, value=None, tol=1e-9, scope=None, ids=None, ordered=None, no_value=False):
    e = {"status": "answered", "intent": intent}
    if value is not None:
        assert not isinstance(value, bool)
        e["value"] = num(value)
        e["tol"] = tol
    if ids is not None:
        assert ids, "empty id list"
        e["ids"] = list(ids)
        e["ordered"] = bool(ordered)
    if scope:
        e["scope"] = scope
    if no_value:
        e["no_value"] = True
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


# ---- local extensions (do not modify heldout_lib.py) ----
def bottom_skus(period, n, locs=None, category=None):
    """SKUs with the fewest units (every SKU in items.csv counts, zero sales included); lower first."""
    sel = R.skus_where(category=category)
    vals = sorted(((R.units(period, skus={s}, locs=locs), s) for s in sel))
    cut = [v for v, _ in vals[: n + 1]]
    assert len(set(cut)) == len(cut), f"tie at the bottom cut {vals[: n + 1]}"
    return [s for _, s in vals[:n]]


def rank_locations_asc(period, measure, category=None):
    _, ranked = R.rank("location", period, measure, category=category)
    return [k for k, _ in reversed(ranked)]


def growth(a, b):
    assert b != 0
    return Fraction(a - b) / b


def active_funds(pred):
    return sorted(c for c, x in F.funds.items() if F.active(c) and pred(x))


# ============================================================================================
# Retail sales, valued
# ============================================================================================
RET = "retail"
apr = R.month(4)
assert apr == (D(2026, 4, 1), D(2026, 4, 30))

sku = one_sku("Zhilan Electric Kettle")
add(RET, ["sales", "description", "lowercase", "named_month"], [T(
    "how many zhilan electric kettles did beijing shift in april?",
    **ans("sales_history", R.units(apr, skus={sku}, locs={"WH-BJ"}),
          scope={"skus": [sku], "locations": ["WH-BJ"], "period": per(apr)}))])

p = R.this_year()
add(RET, ["sales", "revenue", "brand", "ytd"], [T(
    "Grassland King revenue year to date, all warehouses?",
    **ans("sales_history", R.revenue(p, brand="Grassland King"),
          scope={"brands": ["Grassland King"], "period": per(p)}))])

sku = one_sku("Misty Peak Oolong Tea 1L")
p = R.last_quarter()
a, b = R.units(p, skus={sku}, locs={"WH-SH"}), R.units(p, skus={sku}, locs={"WH-BJ"})
assert a != b
add(RET, ["sales", "difference", "description"], [T(
    "Last quarter, how many more bottles of the 1L Misty Peak oolong did Shanghai sell compared to Beijing?",
    **ans("sales_history", a - b, scope={"skus": [sku], "locations": ["WH-SH", "WH-BJ"], "period": per(p)}))])

a = R.units(R.month(5, 2026), category="Beverages")
b = R.units(R.month(5, 2025), category="Beverages")
add(RET, ["sales", "yoy", "category", "units"], [T(
    "Beverage units in May 2026 vs May 2025 - what's the YoY growth?",
    **ans("sales_history", growth(a, b), scope={"categories": ["Beverages"]}))])

a = R.revenue(R.quarter(1, 2026), category="Pet Supplies")
b = R.revenue(R.quarter(4, 2025), category="Pet Supplies")
add(RET, ["sales", "growth_between_periods", "category", "revenue"], [T(
    "By how much did pet supplies revenue change from Q4 2025 to Q1 2026, in percent?",
    **ans("sales_history", growth(a, b), scope={"categories": ["Pet Supplies"]}))])

p = R.last_month()
share = Fraction(R.units(p, category="Snacks", locs={"WH-CD"}), R.units(p, locs={"WH-CD"}))
add(RET, ["sales", "share", "category", "location"], [T(
    "What percentage of the units Chengdu sold last month were snacks?",
    **ans("sales_history", share, scope={"locations": ["WH-CD"], "period": per(p)}))])

sku = one_sku("Happy Paws Cat Food")
p = R.month(2, 2026)
add(RET, ["sales", "average", "description"], [T(
    "avg units per day of happy paws cat food in chengdu during feb 2026?",
    **ans("sales_history", Fraction(R.units(p, skus={sku}, locs={"WH-CD"}), 28),
          scope={"skus": [sku], "locations": ["WH-CD"], "period": per(p)}))])

p = (D(2025, 1, 1), D(2025, 12, 31))
ids, _ = R.rank("location", p, "revenue", n=3, category="Beverages")
add(RET, ["sales", "ranking", "location", "category"], [T(
    "Top three warehouses for beverage revenue in 2025?",
    **ans("sales_history", ids=ids, ordered=True, scope={"categories": ["Beverages"], "period": per(p)}))])

p = R.this_year()
ids = bottom_skus(p, 4, category="Pet Supplies")
assert min(R.units(p, skus={s}) for s in ids) > 0
add(RET, ["sales", "ranking", "bottom", "sku"], [T(
    "Which 4 pet supplies SKUs have sold the fewest units so far this year, slowest first?",
    **ans("sales_history", ids=ids, ordered=True, scope={"categories": ["Pet Supplies"], "period": per(p)}))])

p = R.last_month()
ids = rank_locations_asc(p, "revenue", category="Personal Care")[:1]
add(RET, ["sales", "ranking", "bottom", "location"], [T(
    "Which warehouse had the lowest Personal Care revenue last month?",
    **ans("sales_history", ids=ids, ordered=True, scope={"categories": ["Personal Care"], "period": per(p)}))])

p = R.this_year()
ids, _ = R.rank("brand", p, "units", n=4, category="Snacks")
add(RET, ["sales", "ranking", "brand", "number_word"], [T(
    "within snacks, which four brands have sold the most units so far this year?",
    **ans("sales_history", ids=ids, ordered=True, scope={"categories": ["Snacks"], "period": per(p)}))])

sku = one_sku("Jade Spring Green Tea 500ml")
p = R.last_n_days(14)
add(RET, ["sales", "number_word", "description"], [T(
    "units of jade spring green tea 500ml sold in chengdu over the last fourteen days",
    **ans("sales_history", R.units(p, skus={sku}, locs={"WH-CD"}),
          scope={"skus": [sku], "locations": ["WH-CD"], "period": per(p)}))])

p = R.month(3, 2026)
add(RET, ["sales", "revenue", "brand", "location"], [T(
    "Revenue from Homely products at the Shanghai warehouse in March?",
    **ans("sales_history", R.revenue(p, brand="Homely", locs={"WH-SH"}),
          scope={"brands": ["Homely"], "locations": ["WH-SH"], "period": per(p)}))])

sku = one_sku("Red Lantern Cola 2L")
p = R.this_week()
assert p == (D(2026, 6, 29), D(2026, 6, 30))
add(RET, ["sales", "this_week", "description"], [T(
    "How many bottles of Red Lantern Cola 2L have we sold this week, all warehouses together?",
    **ans("sales_history", R.units(p, skus={sku}), scope={"skus": [sku], "period": per(p)}))])

p = R.last_n_days(7)
zero = [s for s in R.skus_at("WH-BJ") if R.units(p, skus={s}, locs={"WH-BJ"}) == 0]
assert zero
add(RET, ["sales", "count", "zero_sales"], [T(
    "In the past week, how many SKUs at the Beijing warehouse didn't sell anything?",
    **ans("sales_history", len(zero), scope={"locations": ["WH-BJ"], "period": per(p)}))])

p = (D(2025, 1, 1), D(2025, 12, 31))
add(RET, ["sales", "revenue", "total"], [T(
    "what was total company revenue for calendar 2025?",
    **ans("sales_history", R.revenue(p), scope={"period": per(p)}))])

p = R.quarter(3, 2025)
add(RET, ["sales", "category", "location", "quarter", "abbrev"], [T(
    "kitchenware units in GZ for Q3 last year",
    **ans("sales_history", R.units(p, category="Kitchenware", locs={"WH-GZ"}),
          scope={"categories": ["Kitchenware"], "locations": ["WH-GZ"], "period": per(p)}))])

p = (D(2026, 3, 1), D(2026, 3, 10))
add(RET, ["sales", "explicit_dates", "sku"], [T(
    "Units of SKU-10116 sold between 1 and 10 March 2026, all locations combined?",
    **ans("sales_history", R.units(p, skus={"SKU-10116"}), scope={"skus": ["SKU-10116"], "period": per(p)}))])

sku = one_sku("Whisker Joy Flea Drops")
p = R.since_month(4)
add(RET, ["sales", "since_month", "description", "chatty"], [T(
    "Quick one before my 3pm: the Whisker Joy flea drops, how many have we sold in Guangzhou since April?",
    **ans("sales_history", R.units(p, skus={sku}, locs={"WH-GZ"}),
          scope={"skus": [sku], "locations": ["WH-GZ"], "period": per(p)}))])

# multi: Double 11 units -> revenue -> Beijing
p = (D(2025, 11, 11), D(2025, 11, 11))
add(RET, ["sales", "event", "follow_up"], [
    T("How many units did the Shanghai warehouse sell on Double 11 last year?",
      **ans("sales_history", R.units(p, locs={"WH-SH"}), scope={"locations": ["WH-SH"], "period": per(p)})),
    T("and in revenue terms?",
      **ans("sales_history", R.revenue(p, locs={"WH-SH"}), scope={"locations": ["WH-SH"], "period": per(p)})),
    T("what about Beijing?",
      **ans("sales_history", R.revenue(p, locs={"WH-BJ"}), scope={"locations": ["WH-BJ"], "period": per(p)})),
])

# multi: category revenue last month -> share of location total -> last year
p = R.last_month()
gz_snacks = R.revenue(p, category="Snacks", locs={"WH-GZ"})
gz_all = R.revenue(p, locs={"WH-GZ"})
y = (D(2025, 1, 1), D(2025, 12, 31))
add(RET, ["sales", "follow_up", "share", "last_year"], [
    T("snacks revenue in guangzhou last month?",
      **ans("sales_history", gz_snacks,
            scope={"categories": ["Snacks"], "locations": ["WH-GZ"], "period": per(p)})),
    T("as a share of everything Guangzhou sold last month?",
      **ans("sales_history", gz_snacks / gz_all, scope={"locations": ["WH-GZ"], "period": per(p)})),
])
add(RET, ["sales", "follow_up", "last_year"], [
    T("Revenue of the Baby & Mother category in Chengdu last month?",
      **ans("sales_history", R.revenue(p, category="Baby & Mother", locs={"WH-CD"}),
            scope={"categories": ["Baby & Mother"], "locations": ["WH-CD"], "period": per(p)})),
    T("what about last year?",
      **ans("sales_history", R.revenue(y, category="Baby & Mother", locs={"WH-CD"}),
            scope={"categories": ["Baby & Mother"], "locations": ["WH-CD"], "period": per(y)})),
    T("and how many units was that?",
      **ans("sales_history", R.units(y, category="Baby & Mother", locs={"WH-CD"}),
            scope={"categories": ["Baby & Mother"], "locations": ["WH-CD"], "period": per(y)})),
])

# multi: ranking -> narrower limit -> other category
p = y
ids5, _ = R.rank("sku", p, "revenue", n=5, category="Beverages")
ids3, _ = R.rank("sku", p, "revenue", n=3, category="Beverages")
idsk, _ = R.rank("sku", p, "revenue", n=3, category="Kitchenware")
add(RET, ["sales", "ranking", "follow_up", "limit"], [
    T("top 5 beverage skus by revenue in 2025",
      **ans("sales_history", ids=ids5, ordered=True, scope={"categories": ["Beverages"], "period": per(p)})),
    T("just the top 3",
      **ans("sales_history", ids=ids3, ordered=True, scope={"categories": ["Beverages"], "period": per(p)})),
    T("same for kitchenware",
      **ans("sales_history", ids=idsk, ordered=True, scope={"categories": ["Kitchenware"], "period": per(p)})),
])

# multi: sku location units -> other location -> yoy
sku = one_sku("Ocean Mist Sunscreen")
p = R.month(5, 2026)
pl = R.month(5, 2025)
a = R.units(p, skus={sku}, locs={"WH-GZ"})
b = R.units(pl, skus={sku}, locs={"WH-GZ"})
add(RET, ["sales", "follow_up", "yoy", "description"], [
    T("How much Ocean Mist sunscreen did Chengdu sell in May?",
      **ans("sales_history", R.units(p, skus={sku}, locs={"WH-CD"}),
            scope={"skus": [sku], "locations": ["WH-CD"], "period": per(p)})),
    T("And Guangzhou?",
      **ans("sales_history", a, scope={"skus": [sku], "locations": ["WH-GZ"], "period": per(p)})),
    T("How does Guangzhou's figure compare with May last year, as growth?",
      **ans("sales_history", growth(a, b), scope={"skus": [sku], "locations": ["WH-GZ"]})),
])

# ============================================================================================
# Inventory status, valued
# ============================================================================================
sku = one_sku("Silk Cloud Hair Conditioner")
add(RET, ["inventory", "on_hand", "description"], [T(
    "how many silk cloud conditioners are sitting in guangzhou right now",
    **ans("inventory_status", R.on_hand[(sku, "WH-GZ")], scope={"skus": [sku], "locations": ["WH-GZ"]}))])

add(RET, ["inventory", "open_po", "location"], [T(
    "What's the total quantity on open purchase orders for the Beijing warehouse, all SKUs?",
    **ans("inventory_status", R.open_po(loc="WH-BJ"), scope={"locations": ["WH-BJ"]}))])

sku = one_sku("Tiny Steps Feeding Bottle")
add(RET, ["inventory", "position", "abbrev"], [T(
    "inv position for the tiny steps feeding bottle in bj?",
    **ans("inventory_status", R.on_hand[(sku, "WH-BJ")] + R.open_po(sku, "WH-BJ"),
          scope={"skus": [sku], "locations": ["WH-BJ"]})),
    T("and in shanghai?",
      **ans("inventory_status", R.on_hand[(sku, "WH-SH")] + R.open_po(sku, "WH-SH"),
            scope={"skus": [sku], "locations": ["WH-SH"]}))])

add(RET, ["inventory", "stock_value", "category", "location"], [T(
    "What's our kitchenware stock in Guangzhou worth at cost?",
    **ans("inventory_status", R.stock_value(locs={"WH-GZ"}, category="Kitchenware"),
          scope={"categories": ["Kitchenware"], "locations": ["WH-GZ"]}))])

add(RET, ["inventory", "stock_value", "retail_price"], [T(
    "If we sold every unit we hold across all four warehouses at list price, how much would that bring in? (on-hand stock at retail value)",
    **ans("inventory_status", R.stock_value(at="price")))])

oos_cd = sorted(s for (s, l), q in R.on_hand.items() if l == "WH-CD" and q == 0)
assert oos_cd
add(RET, ["inventory", "out_of_stock", "list"], [T(
    "What's currently out of stock in Chengdu?",
    **ans("inventory_status", ids=oos_cd, ordered=False, scope={"locations": ["WH-CD"]}))])

oos_sh = [s for (s, l), q in R.on_hand.items() if l == "WH-SH" and q == 0]
add(RET, ["inventory", "out_of_stock", "count"], [T(
    "how many skus are at zero stock in the shanghai warehouse?",
    **ans("inventory_status", len(oos_sh), scope={"locations": ["WH-SH"]}))])

sku = one_sku("Zhilan Soymilk Maker")
add(RET, ["inventory", "follow_up", "description"], [
    T("Zhilan soymilk makers on hand in Guangzhou?",
      **ans("inventory_status", R.on_hand[(sku, "WH-GZ")], scope={"skus": [sku], "locations": ["WH-GZ"]})),
    T("and what's already on order for it there?",
      **ans("inventory_status", R.open_po(sku, "WH-GZ"), scope={"skus": [sku], "locations": ["WH-GZ"]})),
    T("what's that stock worth at cost, on hand only?",
      **ans("inventory_status", R.on_hand[(sku, "WH-GZ")] * R.cost[sku],
            scope={"skus": [sku], "locations": ["WH-GZ"]})),
])

# ============================================================================================
# Forecast / risk / replenishment / policy / excess / accuracy: status + intent + scope only
# ============================================================================================
sku = one_sku("Homely Desk Fan")
add(RET, ["inventory", "days_of_cover", "nondeterministic"], [T(
    "How many days will our Homely desk fan stock in Guangzhou last? (days of cover)",
    **ans("inventory_status", scope={"skus": [sku], "locations": ["WH-GZ"]}))])

add(RET, ["forecast", "category", "location", "nondeterministic"], [T(
    "Forecast household category demand for Beijing over the next 3 weeks.",
    **ans("forecast", scope={"categories": ["Household"], "locations": ["WH-BJ"], "horizon_days": 21}))])

sku = one_sku("Tiny Steps Diapers Size M")
add(RET, ["forecast", "description", "nondeterministic"], [T(
    "how many size M tiny steps diapers will chengdu need in the next 45 days?",
    **ans("forecast", scope={"skus": [sku], "locations": ["WH-CD"], "horizon_days": 45}))])

add(RET, ["stockout_risk", "category", "location", "nondeterministic"], [T(
    "Which kitchenware items could run out in Beijing within two weeks?",
    **ans("stockout_risk", scope={"categories": ["Kitchenware"], "locations": ["WH-BJ"], "horizon_days": 14}))])

add(RET, ["replenishment", "location", "nondeterministic"], [T(
    "What should Chengdu put on order today?",
    **ans("replenishment", scope={"locations": ["WH-CD"]}))])

sku = one_sku("Lemon Fresh Floor Cleaner")
add(RET, ["inventory_policy", "safety_stock", "service_level", "nondeterministic"], [T(
    "Safety stock for Lemon Fresh floor cleaner in Shanghai if we target 97% service?",
    **ans("inventory_policy", scope={"skus": [sku], "locations": ["WH-SH"]}))])

sku = one_sku("Blue Lotus Lunch Box")
add(RET, ["inventory_policy", "eoq", "nondeterministic"], [T(
    "what's the EOQ for blue lotus lunch boxes at the guangzhou warehouse",
    **ans("inventory_policy", scope={"skus": [sku], "locations": ["WH-GZ"]}))])

add(RET, ["excess_stock", "category", "nondeterministic"], [T(
    "Any beverages sitting on too much stock, say over 100 days of cover?",
    **ans("excess_stock", scope={"categories": ["Beverages"]}))])

sku = one_sku("Zhilan Air Fryer")
add(RET, ["forecast_accuracy", "description", "nondeterministic"], [T(
    "How well did we forecast the Zhilan air fryer in Beijing?",
    **ans("forecast_accuracy", scope={"skus": [sku], "locations": ["WH-BJ"]}))])

sku = one_sku("Loyal Friend Pet Shampoo")
add(RET, ["forecast", "replenishment", "follow_up", "nondeterministic"], [
    T("Expected sales of Loyal Friend pet shampoo in Shanghai over the next 4 weeks?",
      **ans("forecast", scope={"skus": [sku], "locations": ["WH-SH"], "horizon_days": 28})),
    T("ok, and should we reorder it?",
      **ans("replenishment", scope={"skus": [sku], "locations": ["WH-SH"]})),
])

sku = one_sku("Bright Smile Electric Toothbrush")
add(RET, ["stockout_risk", "follow_up", "nondeterministic"], [
    T("What's the chance the Bright Smile electric toothbrush stocks out in Chengdu in the next 10 days?",
      **ans("stockout_risk", scope={"skus": [sku], "locations": ["WH-CD"], "horizon_days": 10})),
    T("and over the next 30 days?",
      **ans("stockout_risk", scope={"skus": [sku], "locations": ["WH-CD"], "horizon_days": 30})),
])

# ============================================================================================
# Funds
# ============================================================================================
FU = "funds"


def fm(code, name):
    v = F.metric(code, name)
    assert v is not None, (code, name)
    return v


def fmetric(q, code, name, tags, lang="en"):
    add(FU, ["fund_metric"] + tags, [T(q, **ans("fund_metric", fm(code, name), scope={"funds": [code]}))], lang=lang)


fmetric("max drawdown over the last year for the silver bay sse 50 fund?",
        one_fund("Silver Bay SSE 50"), "max_drawdown_1y", ["max_drawdown", "lowercase"])
fmetric("What does Lotus Gate Nasdaq charge in annual fees?",
        one_fund("Lotus Gate Nasdaq"), "expense_ratio", ["expense_ratio", "partial_name"])
fmetric("How big is the Jade Harbor US Dividend fund (AUM)?",
        one_fund("Jade Harbor US Dividend"), "aum", ["aum"])
fmetric("what risk level is the orient bridge gold etf feeder?",
        one_fund("Orient Bridge Gold ETF Feeder"), "risk_level", ["risk_level"])
fmetric("How has Red Maple Value Equity done year to date?",
        one_fund("Red Maple Value Equity"), "return_ytd", ["return_ytd"])
fmetric("Total return since launch for Blue River ChiNext Index?",
        one_fund("Blue River ChiNext Index"), "return_total_since_inception", ["return_total", "since_inception"])
fmetric("five-year annualised volatility of summit peak gold select",
        one_fund("Summit Peak Gold Select"), "volatility_5y", ["volatility", "number_word"])
fmetric("Calmar ratio, one year, for Great Wall Star Energy & Chemicals Futures?",
        one_fund("Great Wall Star Energy & Chemicals Futures"), "calmar_1y", ["calmar"])
fmetric("What's the 3 yr return of Silver Bay Blue Chip Equity?",
        one_fund("Silver Bay Blue Chip Equity"), "return_3y", ["return", "no_nav_column"])

code = one_fund("Summit Peak Global Healthcare QDII")
assert F.metric(code, "volatility_3y") is None
add(FU, ["fund_metric", "insufficient_history"], [T(
    "3-year volatility of the Summit Peak Global Healthcare QDII fund?",
    status_any=["answered", "error"], intent="fund_metric", scope={"funds": [code]}, no_value=True)])

code = one_fund("Red Maple CSI Consumer Index")
add(FU, ["fund_metric", "follow_up", "fund_compare"], [
    T("sharpe ratio of red maple csi consumer index over 3 years",
      **ans("fund_metric", fm(code, "sharpe_3y"), scope={"funds": [code]})),
    T("and over 5?",
      **ans("fund_metric", fm(code, "sharpe_5y"), scope={"funds": [code]})),
    T("how does it stack up against F0168?",
      **ans("fund_compare", ids=[code, "F0168"], ordered=False, scope={"funds": [code, "F0168"]})),
])

a, b = fm("F0056", "return_1y"), fm("F0116", "return_1y")
add(FU, ["fund_compare", "difference"], [T(
    "How much higher (or lower) is the 1-year return of Summit Peak CSI 300 Index than Phoenix Rise CSI 300 Enhanced Index? (first minus second)",
    **ans("fund_compare", a - b, scope={"funds": ["F0056", "F0116"]}))])

add(FU, ["fund_compare", "plain"], [T(
    "Put F0123 and F0157 side by side on expense ratio and 1-year volatility.",
    **ans("fund_compare", ids=["F0123", "F0157"], ordered=False, scope={"funds": ["F0123", "F0157"]}))])

# screens
ids = F.screen(category="money_market", filters=[("expense_ratio", "<=", 0.0026)], sort="return_1y",
               descending=True)
assert len(ids) == 7, ids
add(FU, ["fund_screen", "fees", "boundary"], [T(
    "money market funds with fees at or below 0.26%, best 1-year return first",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = active_funds(lambda x: x["category"] == "bond" and x["risk_level"] and int(x["risk_level"]) <= 2
                   and x["aum"] and float(x["aum"]) > 5000)
assert 2 <= len(ids) <= 15, ids
add(FU, ["fund_screen", "risk", "aum", "unit_conversion"], [T(
    "Low-risk bond funds (risk level 2 or lower) with more than 5 billion under management?",
    **ans("fund_screen", ids=ids, ordered=False))])

ids = F.screen(category="index", sort="sharpe_3y", descending=True, limit=5)
add(FU, ["fund_screen", "limit", "number_word"], [T(
    "top five index funds by three-year sharpe",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = active_funds(lambda x: "Wang Zhiwei" in [m.strip() for m in x["manager"].split(",")])
assert ids == ["F0058", "F0151"], ids
assert F.funds["F0151"]["category"] == "equity" and F.funds["F0058"]["category"] != "equity"
add(FU, ["fund_screen", "manager", "follow_up"], [
    T("Which funds does Wang Zhiwei manage?", **ans("fund_screen", ids=ids, ordered=False)),
    T("what's the 1-year return of the equity one?",
      **ans("fund_metric", fm("F0151", "return_1y"), scope={"funds": ["F0151"]})),
])

n = len(active_funds(lambda x: x["category"] == "qdii" and x["company"].startswith("Summit Peak")))
assert n == 3
add(FU, ["fund_screen", "company", "count"], [T(
    "How many QDII funds does Summit Peak run?",
    **ans("fund_screen", n))])

er = [Fraction(x["expense_ratio"]) for c, x in F.funds.items() if F.active(c) and x["category"] == "commodity"]
add(FU, ["fund_screen", "average"], [T(
    "What's the average expense ratio across commodity funds?",
    **ans("fund_screen", sum(er) / len(er)))])

n = len(active_funds(lambda x: x["risk_level"] == "5"))
add(FU, ["fund_screen", "count", "risk"], [T(
    "how many funds carry the top risk rating of 5?",
    **ans("fund_screen", n))])

ids = F.screen(category="equity", filters=[("return_1y", ">", 0.40), ("max_drawdown_1y", "<", 0.15)],
               sort="return_1y", descending=True)
assert 2 <= len(ids) <= 20, ids
assert ids != F.screen(category="equity", filters=[("return_1y", ">", 0.40)], sort="return_1y", descending=True)
add(FU, ["fund_screen", "filters", "drawdown"], [T(
    "Equity funds that returned over 40% in the past year with a 1-year max drawdown under 15%, best return first.",
    **ans("fund_screen", ids=ids, ordered=True))])

ids1 = F.screen(category="mixed", filters=[("return_1y", ">", 0.10)], sort="sharpe_1y", descending=True)
ids2 = F.screen(category="mixed", filters=[("return_1y", ">", 0.10)], sort="max_drawdown_1y", descending=False)
ids3 = F.screen(category="mixed", filters=[("return_1y", ">", 0.10)], sort="max_drawdown_1y", descending=False,
                limit=3)
assert ids1 != ids2 and len(ids2) > 3
add(FU, ["fund_screen", "follow_up", "resort", "limit"], [
    T("Mixed funds with a 1-year return above 10%, ranked by 1-year Sharpe.",
      **ans("fund_screen", ids=ids1, ordered=True)),
    T("sort by 1-year drawdown instead",
      **ans("fund_screen", ids=ids2, ordered=True)),
    T("just the top 3",
      **ans("fund_screen", ids=ids3, ordered=True)),
])

ids1 = F.screen(category="bond", filters=[("return_1y", ">", 0.03)], sort="return_1y", descending=True)
ids2 = F.screen(category="bond", filters=[("return_1y", ">", 0.03)], sort="return_1y", descending=True,
                where=lambda x: x["risk_level"] and int(x["risk_level"]) <= 2)
assert ids1 != ids2 and ids2
add(FU, ["fund_screen", "follow_up", "narrow", "risk"], [
    T("bond funds returning more than 3% over 1 year, highest return first",
      **ans("fund_screen", ids=ids1, ordered=True)),
    T("only those with risk level 2 or lower",
      **ans("fund_screen", ids=ids2, ordered=True)),
])

# ============================================================================================
# Network
# ============================================================================================
NE = "network"
base = N.baseline()
b0 = N.solve(base)
assert b0 is not None


def netv(edits):
    v = N.solve(apply_edits(base, edits))
    assert v is not None and v != b0, (edits, v, b0)
    return v


def nt(q, edits):
    if edits:
        t = T(q, **ans("network_what_if", netv(edits), tol=1e-6))
    else:
        t = T(q, **ans("network_optimize", b0, tol=1e-6))
    return {"q": t["q"], "edits": edits, "expect": t["expect"]}


add(NE, ["network_optimize"], [nt("cheapest way to cover all store demand this period - what's the total bill?", [])])
add(NE, ["network_what_if", "lane_cost_add"], [nt(
    "What if the South Packing to S09 lane cost 0.5 more per case?",
    [{"op": "lane_cost", "from": "South Packing", "to": "S09", "product": None, "add": 0.5}])])
add(NE, ["network_what_if", "combined"], [nt(
    "Say Old Town (S03) wants 20% more of everything and Harbour Imports can only ship 400 in total - new optimal cost?",
    [{"op": "demand", "node": "S03", "product": None, "scale": 1.2},
     {"op": "supplier_capacity", "node": "Harbour Imports", "set": 400}])])
add(NE, ["network_what_if", "only_serve", "store_names"], [nt(
    "What if North Packing only delivered to Lakeside, Pinewood and Old Town?",
    [{"op": "only_serve", "node": "North Packing", "destinations": ["S01", "S02", "S03"]}])])
add(NE, ["network_what_if", "supply"], [nt(
    "Harbour Imports can only give us 50 cases of leaf this period. What does the plan cost now?",
    [{"op": "supply", "node": "Harbour Imports", "product": "leaf", "set": 50}])])
add(NE, ["network_what_if", "min_flow"], [nt(
    "what would it cost if we had to send at least 80 cases from Central Packing to Riverside (S04)?",
    [{"op": "min_flow", "from": "Central Packing", "to": "S04", "product": None, "min": 80}])])
e1 = [{"op": "fixed_cost", "node": "North Packing", "scale": 2}]
e2 = [{"op": "fixed_cost", "node": "North Packing", "scale": 3}]
e3 = e2 + [{"op": "lane_cost", "from": "Assam Estate", "to": "*", "product": None, "scale": 0.8}]
assert netv(e1) != netv(e2) != netv(e3)
add(NE, ["network_what_if", "follow_up", "change"], [
    nt("What if North Packing's fixed cost doubled?", e1),
    nt("make that triple instead", e2),
    nt("and on top of that, everything shipped out of Assam Estate gets 20% cheaper?", e3),
])
e1 = [{"op": "demand", "node": "S09", "product": "black_tea", "add": 40}]
add(NE, ["network_optimize", "follow_up", "network_what_if"], [
    nt("What's the minimum cost of the current distribution plan?", []),
    nt("and if Southport needed 40 more cases of black tea?", e1),
])

# ============================================================================================
# Calculations
# ============================================================================================
CA = "calculate"
add(CA, ["percent"], [T("what's 12.5% of 8,400?", **ans("calculate", Fraction(84000 * 125, 10000), tol=1e-12))])
add(CA, ["number_word", "follow_up"], [
    T("what is two hundred and fifty times forty-eight?", **ans("calculate", 12000, tol=1e-12)),
    T("now divide that by 7", **ans("calculate", Fraction(12000, 7), tol=1e-12)),
])
add(CA, ["power"], [T("3 to the power of 12?", **ans("calculate", 3 ** 12, tol=1e-12))])

# ============================================================================================
# Clarify
# ============================================================================================
CL = "clarify"
many(item_names, "Sports Drink")
add(CL, ["ambiguous_product"], [T("how many sports drinks did SH sell last week?",
                                  status="clarify", intent="sales_history")])
many(item_names, "Cat Treats")
add(CL, ["ambiguous_product"], [T("on hand for cat treats in GZ?", status="clarify", intent="inventory_status")])
many(item_names, "Thermos Cup")
add(CL, ["ambiguous_product"], [T("What's the reorder point for the thermos cup in Beijing?",
                                  status="clarify", intent="inventory_policy")])
many(item_names, "Stainless Pot 24cm")
sku = "SKU-10139"
p = R.month(5, 2026)
add(CL, ["ambiguous_product", "follow_up"], [
    T("How many stainless pots 24cm did Chengdu sell in May?", status="clarify", intent="sales_history"),
    T("the Iron Chef one",
      **ans("sales_history", R.units(p, skus={sku}, locs={"WH-CD"}),
            scope={"skus": [sku], "locations": ["WH-CD"], "period": per(p)})),
])
many(fund_names, "Phoenix Rise Flexible Allocation Mixed")
add(CL, ["ambiguous_fund", "share_class"], [T("expense ratio of phoenix rise flexible allocation mixed?",
                                              status="clarify", intent="fund_metric")])
many(fund_names, "Blue River Advanced Manufacturing Equity")
add(CL, ["ambiguous_fund", "share_class", "follow_up"], [
    T("1 year return for Blue River Advanced Manufacturing Equity?", status="clarify", intent="fund_metric"),
    T("the C class", **ans("fund_metric", fm("F0038", "return_1y"), scope={"funds": ["F0038"]})),
])
many(fund_names, "Yellow Sea Pure Bond")
add(CL, ["ambiguous_fund", "compare"], [T("Compare Yellow Sea Pure Bond with F0085 on 3-year return.",
                                          status="clarify", intent="fund_compare")])
add(CL, ["ranking_without_entity"], [T("top 10 last quarter?", status="clarify", intent="sales_history")])

# ============================================================================================
# Unsupported
# ============================================================================================
UN = "unsupported"
for q, tag in [
    ("How many Zhilan air fryers did JD.com sell last month?", "competitor_data"),
    ("Set the on-hand quantity of SKU-10001 in Beijing to 500.", "change_data"),
    ("Cancel all open purchase orders for Chengdu, please.", "change_data"),
    ("Which fund should I put my retirement savings into?", "advice"),
    ("How many employees work at the Guangzhou warehouse?", "not_in_data"),
    ("What will the CSI 300 index close at next Friday?", "market_prediction"),
]:
    add(UN, [tag], [T(q, status="unsupported", intent=None)])

# ============================================================================================
# Chinese (zh)
# ============================================================================================
p = R.last_month()
y = (D(2025, 1, 1), D(2025, 12, 31))
add(RET, ["sales", "follow_up", "last_year"], [
    T("广州仓上个月卖了多少件SKU-10078？",
      **ans("sales_history", R.units(p, skus={"SKU-10078"}, locs={"WH-GZ"}),
            scope={"skus": ["SKU-10078"], "locations": ["WH-GZ"], "period": per(p)})),
    T("那去年呢？",
      **ans("sales_history", R.units(y, skus={"SKU-10078"}, locs={"WH-GZ"}),
            scope={"skus": ["SKU-10078"], "locations": ["WH-GZ"], "period": per(y)})),
], lang="zh")
add(RET, ["inventory", "open_po"], [T(
    "SKU-10010在上海仓有多少在途采购订单？",
    **ans("inventory_status", R.open_po("SKU-10010", "WH-SH"), scope={"skus": ["SKU-10010"], "locations": ["WH-SH"]}))],
    lang="zh")
p = R.this_year()
add(RET, ["sales", "revenue", "location", "ytd"], [T(
    "成都仓今年以来的总销售额是多少？",
    **ans("sales_history", R.revenue(p, locs={"WH-CD"}), scope={"locations": ["WH-CD"], "period": per(p)}))],
    lang="zh")
fmetric("基金F0163近一年夏普比率是多少？", "F0163", "sharpe_1y", ["sharpe"], lang="zh")
ids = F.screen(category="bond", filters=[("expense_ratio", "<", 0.004)], sort="return_3y", descending=True, limit=5)
ids3 = F.screen(category="bond", filters=[("expense_ratio", "<", 0.004)], sort="return_3y", descending=True, limit=3)
add(FU, ["fund_screen", "limit", "fees", "follow_up"], [
    T("费率低于0.4%的债券基金里，近三年年化收益最高的5只是哪些？", **ans("fund_screen", ids=ids, ordered=True)),
    T("只要前3只。", **ans("fund_screen", ids=ids3, ordered=True)),
], lang="zh")
add(RET, ["forecast", "nondeterministic"], [T(
    "未来两周上海仓SKU-10029预计卖多少？",
    **ans("forecast", scope={"skus": ["SKU-10029"], "locations": ["WH-SH"], "horizon_days": 14}))], lang="zh")
many(item_names, "Sunny Orchard Dried Mango")
add(CL, ["ambiguous_product"], [T("上海仓上个月卖了多少Sunny Orchard Dried Mango？",
                                  status="clarify", intent="sales_history")], lang="zh")
add(UN, ["other_domain"], [T("帮我写一首关于仓库的诗。", status="unsupported", intent=None)], lang="zh")

# ============================================================================================
# Arabic (ar)
# ============================================================================================
p = R.last_month()
add(RET, ["sales", "revenue", "category", "location"], [T(
    "كم كانت إيرادات فئة Snacks في مستودع شنغهاي الشهر الماضي؟",
    **ans("sales_history", R.revenue(p, category="Snacks", locs={"WH-SH"}),
          scope={"categories": ["Snacks"], "locations": ["WH-SH"], "period": per(p)}))], lang="ar")
add(RET, ["inventory", "stock_value"], [T(
    "ما هي قيمة المخزون في مستودع بكين بسعر التكلفة؟",
    **ans("inventory_status", R.stock_value(locs={"WH-BJ"}), scope={"locations": ["WH-BJ"]}))], lang="ar")
fmetric("ما هو أقصى تراجع للصندوق F0020 خلال ثلاث سنوات؟", "F0020", "max_drawdown_3y", ["max_drawdown"], lang="ar")
add(CA, ["multiply"], [T("كم يساوي 250 ضرب 12؟", **ans("calculate", 3000, tol=1e-12))], lang="ar")
add(UN, ["other_domain"], [T("احجز لي رحلة طيران إلى بكين غدًا.", status="unsupported", intent=None)], lang="ar")

# ============================================================================================
with open(args.out, "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")

# validate
with open(args.out, encoding="utf-8") as f:
    lines = f.read().splitlines()
kinds, langs, turns_by_lang = Counter(), Counter(), Counter()
multi = 0
for ln in lines:
    c = json.loads(ln)
    assert c["turns"] and all("q" in t and "expect" in t for t in c["turns"])
    kinds[c["tags"][1]] += 1
    langs[c["lang"]] += 1
    turns_by_lang[c["lang"]] += len(c["turns"])
    multi += len(c["turns"]) > 1
    for t in c["turns"]:
        v = t["expect"].get("value")
        assert v is None or (isinstance(v, (int, float)) and math.isfinite(v)), (c["id"], v)
assert len(set(json.loads(l)["id"] for l in lines)) == len(lines)
assert len(lines) >= 85, len(lines)
print(len(lines), "cases,", sum(len(json.loads(l)["turns"]) for l in lines), "turns;", "multi:", multi,
      dict(kinds), "cases by lang", dict(langs), "turns by lang", dict(turns_by_lang))
