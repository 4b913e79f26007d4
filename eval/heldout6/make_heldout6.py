#!/usr/bin/env python3
"""Build heldout6.jsonl: a sixth held-out question set for `abacus ask` on shared/data/sample.

Python 3 standard library only.  Expected figures come from the independent reference library
../heldout/heldout_lib.py (computed straight from the canonical CSVs per shared/spec/*.md), plus a few
small local helpers below (bottom-N rankings, SKU counts, exact arithmetic) that read the same data.

    python3 eval/heldout6/make_heldout6.py [--data ../shared/data/sample]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "heldout"))
from heldout_lib import D, Funds, Network, Retail, apply_edits, iso, match_names  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "sample"))
ap.add_argument("--out", default=os.path.join(HERE, "heldout6.jsonl"))
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
    cases.append({"id": f"h6-{len(cases) + 1:03d}", "dataset": "sample", "lang": lang,
                  "tags": [("multi" if len(turns) > 1 else "single"), kind] + tags, "turns": turns})


def T(q, **expect):
    return {"q": q, "expect": expect}


def ans(intent, value=None, tol=1e-9, scope=None, ids=None, ordered=None):
    e = {"status": "answered", "intent": intent}
    if value is not None:
        e["value"] = num(value)
        e["tol"] = tol
    if ids is not None:
        e["ids"] = ids
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


# ---- local helpers (same data, same definitions) ----
def rank_bottom(key, period, measure, n, **kw):
    """The n lowest (lowest first); every member must have sold something (no zero-sales ambiguity)
    and there must be no tie inside the bottom n or at the cut."""
    _, ranked = R.rank(key, period, measure, **kw)  # asserts no ties over the whole list
    asc = list(reversed(ranked))
    assert all(v > 0 for _, v in asc), asc
    return [k for k, _ in asc[:n]]


def fund_metric(code, name):
    v = F.metric(code, name)
    assert v is not None, (code, name)
    return v


RET = "retail"
FU = "funds"

# ============================================================================================
# Retail, valued, single turn
# ============================================================================================
sku = one_sku("zhilan rice cooker")
p = R.month(4)  # April named without a year: April 2026 has ended
assert p == (D(2026, 4, 1), D(2026, 4, 30))
add(RET, ["sales", "description", "lowercase", "named_month"], [T(
    "how many zhilan rice cookers did we sell across all four warehouses in april?",
    **ans("sales_history", R.units(p, skus={sku}), scope={"skus": [sku], "period": per(p)}))])

p = R.quarter(2, 2025)
add(RET, ["sales", "revenue", "category", "chatty"], [T(
    "My boss wants the Snacks revenue for the Chengdu warehouse in Q2 of last year before the 3pm meeting "
    "- can you pull that number for me?",
    **ans("sales_history", R.revenue(p, category="Snacks", locs={"WH-CD"}),
          scope={"categories": ["Snacks"], "locations": ["WH-CD"], "period": per(p)}))])

p = R.this_year()
ids, _ = R.rank("brand", p, "units", n=3, locs={"WH-BJ"})
add(RET, ["sales", "ranking", "brand", "abbrev"], [T(
    "Top 3 brands by units sold in BJ so far this year?",
    **ans("sales_history", ids=ids, ordered=True, scope={"locations": ["WH-BJ"], "period": per(p)}))])

sku = one_sku("Ocean Mist sunscreen")
p = R.month(5, 2025)
a, b = R.units(p, skus={sku}, locs={"WH-BJ"}), R.units(p, skus={sku}, locs={"WH-SH"})
assert a > b
add(RET, ["sales", "difference", "description"], [T(
    "How many more units of the Ocean Mist sunscreen did Beijing sell than Shanghai in May 2025?",
    **ans("sales_history", a - b, scope={"skus": [sku], "locations": ["WH-BJ", "WH-SH"], "period": per(p)}))])

a, b = R.units(R.month(5, 2026), category="Beverages"), R.units(R.month(5, 2025), category="Beverages")
add(RET, ["sales", "yoy", "category"], [T(
    "What was the growth rate of Beverages unit sales in May this year versus May last year?",
    **ans("sales_history", Fraction(a - b, b), scope={"categories": ["Beverages"]}))])

p = R.last_quarter()
add(RET, ["sales", "share", "category", "location"], [T(
    "What percentage of Beijing's revenue last quarter came from Small Appliances?",
    **ans("sales_history", R.revenue(p, category="Small Appliances", locs={"WH-BJ"}) / R.revenue(p, locs={"WH-BJ"}),
          scope={"categories": ["Small Appliances"], "locations": ["WH-BJ"], "period": per(p)}))])

p = R.last_n_days(14)
add(RET, ["sales", "average", "numbers_as_words"], [T(
    "On average, how many units of SKU-10010 did Shanghai sell per day over the last two weeks?",
    **ans("sales_history", Fraction(R.units(p, skus={"SKU-10010"}, locs={"WH-SH"}), 14),
          scope={"skus": ["SKU-10010"], "locations": ["WH-SH"], "period": per(p)}))])

p = (D(2026, 6, 18), D(2026, 6, 18))
add(RET, ["sales", "revenue", "event"], [T(
    "What was our total revenue on 618 this year, all warehouses together?",
    **ans("sales_history", R.revenue(p), scope={"period": per(p)}))])

p = R.last_n_days(14)
zero = [s for s in R.skus_at("WH-BJ") if R.units(p, skus={s}, locs={"WH-BJ"}) == 0]
assert zero
add(RET, ["sales", "count"], [T(
    "How many SKUs in the Beijing warehouse sold nothing at all over the last 14 days?",
    **ans("sales_history", len(zero), scope={"locations": ["WH-BJ"], "period": per(p)}))])

p = (D(2025, 7, 1), D(2025, 12, 31))
add(RET, ["sales", "revenue", "brand", "date_range"], [T(
    "Revenue for the Golden Harvest brand between 1 July and 31 December 2025?",
    **ans("sales_history", R.revenue(p, brand="Golden Harvest"),
          scope={"brands": ["Golden Harvest"], "period": per(p)}))])

sku = one_sku("whitening toothpaste")
add(RET, ["inventory", "description", "lowercase"], [T(
    "how many of the whitening toothpaste do we have in chengdu right now",
    **ans("inventory_status", R.on_hand[(sku, "WH-CD")], scope={"skus": [sku], "locations": ["WH-CD"]}))])

sku = "SKU-10026"
v = sum(q for (s, _), q in R.on_hand.items() if s == sku) + R.open_po(sku)
add(RET, ["inventory", "position", "network_wide"], [T(
    "What's the inventory position of SKU-10026 across all warehouses combined?",
    **ans("inventory_status", v, scope={"skus": [sku]}))])

add(RET, ["inventory", "stock_value", "retail_price"], [T(
    "What is our Personal Care stock in Guangzhou worth at retail prices?",
    **ans("inventory_status", R.stock_value(locs={"WH-GZ"}, category="Personal Care", at="price"),
          scope={"categories": ["Personal Care"], "locations": ["WH-GZ"]}))])

oos = [s for s in R.skus_at("WH-SH") if R.on_hand[(s, "WH-SH")] == 0]
assert 3 <= len(oos) <= 12, oos
add(RET, ["inventory", "out_of_stock"], [T(
    "Which items are completely out of stock in the Shanghai warehouse?",
    **ans("inventory_status", ids=oos, ordered=False, scope={"locations": ["WH-SH"]}))])

sku = one_sku("happy paws cat litter")
p = R.this_week()
assert p == (D(2026, 6, 29), D(2026, 6, 30))
add(RET, ["sales", "this_week", "lowercase"], [T(
    "happy paws cat litter units sold this week?",
    **ans("sales_history", R.units(p, skus={sku}), scope={"skus": [sku], "period": per(p)}))])

p = (D(2025, 1, 1), D(2025, 12, 31))
ids, _ = R.rank("location", p, "revenue", n=2, category="Pet Supplies")
add(RET, ["sales", "ranking", "location"], [T(
    "Top 2 warehouses by Pet Supplies revenue in 2025?",
    **ans("sales_history", ids=ids, ordered=True, scope={"categories": ["Pet Supplies"], "period": per(p)}))])

p = R.last_month()
ids = rank_bottom("category", p, "units", 8, locs={"WH-GZ"})
assert len(ids) == 8
add(RET, ["sales", "ranking", "category", "ascending"], [T(
    "Rank the product categories by units sold in Guangzhou last month, lowest first.",
    **ans("sales_history", ids=ids, ordered=True, scope={"locations": ["WH-GZ"], "period": per(p)}))])

p = R.last_n_days(30)
ids, _ = R.rank("sku", p, "revenue", n=5, category="Baby & Mother")
add(RET, ["sales", "ranking", "sku", "numbers_as_words", "lowercase"], [T(
    "top five skus by revenue in the baby & mother category over the past thirty days",
    **ans("sales_history", ids=ids, ordered=True, scope={"categories": ["Baby & Mother"], "period": per(p)}))])

sku = one_sku("coconut water value pack")
p = R.quarter(1)
assert p == (D(2026, 1, 1), D(2026, 3, 31))
add(RET, ["sales", "revenue", "typo", "abbrev"], [T(
    "revnue of the coconut water value pack in q1?",
    **ans("sales_history", R.revenue(p, skus={sku}), scope={"skus": [sku], "period": per(p)}))])

sku = one_sku("Homely desk fan")
p = R.month(6, 2025)
add(RET, ["sales", "chatty", "description"], [T(
    "Hi! I'm the new store manager for the Guangzhou area and still getting my head around the numbers. "
    "Could you tell me how many units of the Homely desk fan we sold there during June last year? "
    "Thanks so much, the weather here is brutal already.",
    **ans("sales_history", R.units(p, skus={sku}, locs={"WH-GZ"}),
          scope={"skus": [sku], "locations": ["WH-GZ"], "period": per(p)}))])

# zh: open purchase orders
cand = [s for s in ("SKU-10031", "SKU-10014") if R.open_po(s, "WH-CD") > 0]
sku = cand[0]
add(RET, ["inventory", "open_po", "zh"], [T(
    f"{sku}发往成都仓的未完成采购订单一共多少件？",
    **ans("inventory_status", R.open_po(sku, "WH-CD"), scope={"skus": [sku], "locations": ["WH-CD"]}))],
    lang="zh")

# ============================================================================================
# Retail, multi turn
# ============================================================================================
s1, s2 = one_sku("Misty Peak Oolong Tea 1L"), one_sku("Misty Peak Oolong Tea 500ml")
p, p0 = R.last_month(), R.month(5, 2025)
add(RET, ["sales", "follow_up", "change_product", "abbrev"], [
    T("How many units of Misty Peak Oolong Tea 1L did GZ sell last month?",
      **ans("sales_history", R.units(p, skus={s1}, locs={"WH-GZ"}),
            scope={"skus": [s1], "locations": ["WH-GZ"], "period": per(p)})),
    T("and the 500ml one?",
      **ans("sales_history", R.units(p, skus={s2}, locs={"WH-GZ"}),
            scope={"skus": [s2], "locations": ["WH-GZ"], "period": per(p)})),
    T("what about the same month last year?",
      **ans("sales_history", R.units(p0, skus={s2}, locs={"WH-GZ"}),
            scope={"skus": [s2], "locations": ["WH-GZ"], "period": per(p0)}))])

p = R.quarter(1)
add(RET, ["sales", "follow_up", "brand", "change_measure", "change_place"], [
    T("Red Lantern revenue in Shanghai for Q1?",
      **ans("sales_history", R.revenue(p, brand="Red Lantern", locs={"WH-SH"}),
            scope={"brands": ["Red Lantern"], "locations": ["WH-SH"], "period": per(p)})),
    T("and in units?",
      **ans("sales_history", R.units(p, brand="Red Lantern", locs={"WH-SH"}),
            scope={"brands": ["Red Lantern"], "locations": ["WH-SH"], "period": per(p)})),
    T("how about Chengdu instead?",
      **ans("sales_history", R.units(p, brand="Red Lantern", locs={"WH-CD"}),
            scope={"brands": ["Red Lantern"], "locations": ["WH-CD"], "period": per(p)}))])

p = (D(2025, 1, 1), D(2025, 12, 31))
top, _ = R.rank("category", p, "revenue", n=3)
bottom = rank_bottom("category", p, "revenue", 3)
add(RET, ["sales", "follow_up", "ranking", "other_end"], [
    T("What were our top 3 categories by revenue in 2025?",
      **ans("sales_history", ids=top, ordered=True, scope={"period": per(p)})),
    T("and the bottom 3?",
      **ans("sales_history", ids=bottom, ordered=False, scope={"period": per(p)}))])

sku = "SKU-10101"
q = R.on_hand[(sku, "WH-BJ")]
add(RET, ["inventory", "follow_up", "stock_value", "uses_previous"], [
    T("on hand of SKU-10101 in Beijing?",
      **ans("inventory_status", q, scope={"skus": [sku], "locations": ["WH-BJ"]})),
    T("what's that worth at cost?",
      **ans("inventory_status", q * R.cost[sku], scope={"skus": [sku], "locations": ["WH-BJ"]})),
    T("and at retail price?",
      **ans("inventory_status", q * R.price[sku], scope={"skus": [sku], "locations": ["WH-BJ"]}))])

p = R.last_n_days(7)
a, tot = R.units(p, category="Baby & Mother"), R.units(p)
add(RET, ["sales", "follow_up", "share", "uses_previous"], [
    T("How many units did Baby & Mother sell last week?",
      **ans("sales_history", a, scope={"categories": ["Baby & Mother"], "period": per(p)})),
    T("as a share of all units sold last week?",
      **ans("sales_history", Fraction(a, tot), scope={"period": per(p)}))])

sku = "SKU-10082"
p = R.last_month()
add(RET, ["sales", "follow_up", "zh", "change_place", "change_measure"], [
    T(f"上个月北京仓{sku}卖了多少件？",
      **ans("sales_history", R.units(p, skus={sku}, locs={"WH-BJ"}),
            scope={"skus": [sku], "locations": ["WH-BJ"], "period": per(p)})),
    T("那广州呢？",
      **ans("sales_history", R.units(p, skus={sku}, locs={"WH-GZ"}),
            scope={"skus": [sku], "locations": ["WH-GZ"], "period": per(p)})),
    T("收入是多少？",
      **ans("sales_history", R.revenue(p, skus={sku}, locs={"WH-GZ"}),
            scope={"skus": [sku], "locations": ["WH-GZ"], "period": per(p)}))], lang="zh")

sku = "SKU-10010"
p = R.last_month()
add(RET, ["sales", "follow_up", "ar", "change_place"], [
    T(f"كم وحدة من {sku} باعها مستودع شنغهاي الشهر الماضي؟",
      **ans("sales_history", R.units(p, skus={sku}, locs={"WH-SH"}),
            scope={"skus": [sku], "locations": ["WH-SH"], "period": per(p)})),
    T("وماذا عن مستودع تشنغدو؟",
      **ans("sales_history", R.units(p, skus={sku}, locs={"WH-CD"}),
            scope={"skus": [sku], "locations": ["WH-CD"], "period": per(p)}))], lang="ar")

oos = [s for s in R.skus_at("WH-CD") if R.on_hand[(s, "WH-CD")] == 0]
assert oos
add(RET, ["inventory", "follow_up", "out_of_stock", "count"], [
    T("How many SKUs have zero stock in Chengdu at the moment?",
      **ans("inventory_status", len(oos), scope={"locations": ["WH-CD"]})),
    T("which ones?",
      **ans("inventory_status", ids=oos, ordered=False, scope={"locations": ["WH-CD"]}))])

p1, p2 = (D(2025, 1, 1), D(2025, 12, 31)), R.this_year()
add(RET, ["sales", "follow_up", "brand", "change_period"], [
    T("Iron Chef revenue in 2025?",
      **ans("sales_history", R.revenue(p1, brand="Iron Chef"), scope={"brands": ["Iron Chef"], "period": per(p1)})),
    T("and so far this year?",
      **ans("sales_history", R.revenue(p2, brand="Iron Chef"), scope={"brands": ["Iron Chef"], "period": per(p2)}))])

sku = "SKU-10034"
p = R.last_n_days(28)
u = R.units(p, skus={sku}, locs={"WH-GZ"})
add(RET, ["sales", "follow_up", "average", "uses_previous"], [
    T("SKU-10034 units in Guangzhou over the last 4 weeks",
      **ans("sales_history", u, scope={"skus": [sku], "locations": ["WH-GZ"], "period": per(p)})),
    T("what's that per day?",
      **ans("sales_history", Fraction(u, 28), scope={"skus": [sku], "locations": ["WH-GZ"], "period": per(p)}))])

sku = one_sku("Zhilan air fryer")
a, b = R.open_po(sku, "WH-SH"), R.open_po(sku)
assert 0 < a < b
add(RET, ["inventory", "follow_up", "open_po", "description"], [
    T("open purchase orders for Zhilan air fryers in Shanghai?",
      **ans("inventory_status", a, scope={"skus": [sku], "locations": ["WH-SH"]})),
    T("and across every warehouse?",
      **ans("inventory_status", b, scope={"skus": [sku], "locations": []}))])

p = R.quarter(1)
top, _ = R.rank("sku", p, "units", n=5, category="Household")
bottom = rank_bottom("sku", p, "units", 5, category="Household")
add(RET, ["sales", "follow_up", "ranking", "other_end", "lowercase"], [
    T("top 5 household skus by units in q1",
      **ans("sales_history", ids=top, ordered=True, scope={"categories": ["Household"], "period": per(p)})),
    T("now the bottom 5",
      **ans("sales_history", ids=bottom, ordered=False, scope={"categories": ["Household"], "period": per(p)}))])

# ============================================================================================
# Retail, status + intent + scope only (nondeterministic)
# ============================================================================================
ND = "retail_nd"
sku = one_sku("homely desk fan")
add(ND, ["forecast", "description", "numbers_as_words"], [T(
    "predict demand for the homely desk fan in beijing over the next six weeks",
    **ans("forecast", scope={"skus": [sku], "locations": ["WH-BJ"], "horizon_days": 42}))])

add(ND, ["forecast", "zh"], [T(
    "未来两周上海仓SKU-10029的预计销量是多少？",
    **ans("forecast", scope={"skus": ["SKU-10029"], "locations": ["WH-SH"], "horizon_days": 14}))], lang="zh")

add(ND, ["stockout_risk", "category"], [T(
    "Any pet supplies at risk of stocking out in the next 30 days?",
    **ans("stockout_risk", scope={"categories": ["Pet Supplies"], "horizon_days": 30}))])

add(ND, ["replenishment", "location"], [T(
    "What should I put on order for Chengdu today?",
    **ans("replenishment", scope={"locations": ["WH-CD"]}))])

sku = one_sku("jade spring mineral water 1.5L")
add(ND, ["replenishment", "description", "abbrev"], [T(
    "reorder qty for the jade spring mineral water 1.5L in bj?",
    **ans("replenishment", scope={"skus": [sku], "locations": ["WH-BJ"]}))])

sku = one_sku("Little Rabbit Milk Candy 500g")
add(ND, ["inventory_policy", "follow_up", "change_figure", "change_place"], [
    T("What reorder point should we use for Little Rabbit Milk Candy 500g in Shanghai?",
      **ans("inventory_policy", scope={"skus": [sku], "locations": ["WH-SH"]})),
    T("and the EOQ?",
      **ans("inventory_policy", scope={"skus": [sku], "locations": ["WH-SH"]})),
    T("what about in Chengdu?",
      **ans("inventory_policy", scope={"skus": [sku], "locations": ["WH-CD"]}))])

add(ND, ["excess_stock", "category", "location"], [T(
    "Which Kitchenware SKUs in Beijing have more than 200 days of cover?",
    **ans("excess_stock", scope={"categories": ["Kitchenware"], "locations": ["WH-BJ"]}))])

add(ND, ["forecast_accuracy", "category", "location"], [T(
    "How well did we forecast Snacks in Chengdu?",
    **ans("forecast_accuracy", scope={"categories": ["Snacks"], "locations": ["WH-CD"]}))])

add(ND, ["days_of_cover", "inventory"], [T(
    "How many days of stock do we have on hand for SKU-10056 in Chengdu?",
    **ans("inventory_status", scope={"skus": ["SKU-10056"], "locations": ["WH-CD"]}))])

sku = one_sku("Warmth Hair Dryer")
p = R.last_n_days(30)
add(ND, ["forecast", "follow_up", "change_place", "to_history"], [
    T("How many Warmth hair dryers will Guangzhou sell in the next 30 days?",
      **ans("forecast", scope={"skus": [sku], "locations": ["WH-GZ"], "horizon_days": 30})),
    T("and Shanghai?",
      **ans("forecast", scope={"skus": [sku], "locations": ["WH-SH"], "horizon_days": 30})),
    T("how many did Shanghai actually sell over the last 30 days?",
      **ans("sales_history", R.units(p, skus={sku}, locs={"WH-SH"}),
            scope={"skus": [sku], "locations": ["WH-SH"], "period": per(p)}))])

# ============================================================================================
# Funds
# ============================================================================================
def fmetric(q, code, name, tags, lang="en"):
    add(FU, ["fund_metric"] + tags, [T(q, **ans("fund_metric", fund_metric(code, name), scope={"funds": [code]}))],
        lang=lang)


fmetric("what's the 1y vol of F0012?", "F0012", "volatility_1y", ["volatility", "abbrev", "lowercase"])
fmetric("Calmar ratio over the last five years for Lotus Gate Convertible Bond?",
        one_fund("Lotus Gate Convertible Bond"), "calmar_5y", ["calmar", "numbers_as_words"])
fmetric("ytd return of summit peak commodity futures", one_fund("Summit Peak Commodity Futures"), "return_ytd",
        ["return_ytd", "lowercase"])
fmetric("What's the total return since inception of the Jade Harbor Treasure money market fund?",
        one_fund("Jade Harbor Treasure Money Market"), "return_total_since_inception", ["return_total"])
fmetric("3 yr sharpe for Silver Bay Blue Chip Equity", one_fund("Silver Bay Blue Chip Equity"), "sharpe_3y",
        ["sharpe", "no_nav_history", "abbrev"])
fmetric("基金F0074近一年最大回撤是多少？", "F0074", "max_drawdown_1y", ["max_drawdown", "zh"], lang="zh")
fmetric("F0132近五年的年化收益率是多少？", "F0132", "return_5y", ["return", "zh"], lang="zh")
fmetric("ما هي نسبة شارب لثلاث سنوات للصندوق F0046؟", "F0046", "sharpe_3y", ["sharpe", "ar"], lang="ar")

code = one_fund("Orient Bridge Gold ETF Feeder")
add(FU, ["fund_metric", "manager", "text"], [T(
    "Who manages the Orient Bridge Gold ETF Feeder?",
    **ans("fund_metric", scope={"funds": [code]}))])

code = one_fund("Yellow Sea Pure Bond A")
assert F.metric(code, "return_5y") is None
add(FU, ["fund_metric", "insufficient_history"], [T(
    "5-year annualised return of Yellow Sea Pure Bond A?",
    status_any=["answered", "error"], intent="fund_metric", scope={"funds": [code]}, no_value=True)])

# screens
rl2 = lambda x: x["risk_level"] != "" and int(x["risk_level"]) <= 2
ids = F.screen(category="bond", where=rl2, sort="return_1y", descending=True, limit=6)
add(FU, ["fund_screen", "risk_level", "limit"], [T(
    "Top 6 bond funds with risk level 2 or lower, by 1-year annualised return",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = sorted(c for c, x in F.funds.items() if "Cheng Fang" in [m.strip() for m in x["manager"].split(",")]
             and F.active(c))
assert len(ids) >= 2
add(FU, ["fund_screen", "manager"], [T(
    "Which funds does Cheng Fang manage?",
    **ans("fund_screen", ids=ids, ordered=False))])

ids1 = F.screen(category="equity", filters=[("return_1y", ">", 0.25)], sort="sharpe_1y", descending=True)
ids2 = F.screen(category="equity", filters=[("return_1y", ">", 0.25), ("expense_ratio", "<", 0.015)],
                sort="sharpe_1y", descending=True)
ids3 = F.screen(category="equity", filters=[("return_1y", ">", 0.25), ("expense_ratio", "<", 0.015)],
                sort="sharpe_1y", descending=True, limit=3)
assert ids2 != ids1 and len(ids2) > 3
add(FU, ["fund_screen", "follow_up", "narrow", "limit"], [
    T("Equity funds with a 1-year annualised return above 25%, highest 1-year Sharpe first",
      **ans("fund_screen", ids=ids1, ordered=True)),
    T("only the ones charging less than 1.5% a year",
      **ans("fund_screen", ids=ids2, ordered=True)),
    T("just the top 3",
      **ans("fund_screen", ids=ids3, ordered=True))])

ids1 = F.screen(category="qdii", filters=[("expense_ratio", "<", 0.016)], sort="return_1y", descending=True)
ids2 = F.screen(category="qdii", filters=[("expense_ratio", "<", 0.016)], sort="max_drawdown_3y", descending=False)
assert ids1 != ids2
add(FU, ["fund_screen", "follow_up", "resort", "lowercase"], [
    T("qdii funds with fees under 1.6%, sorted by 1-year return",
      **ans("fund_screen", ids=ids1, ordered=True)),
    T("sort by 3-year max drawdown instead",
      **ans("fund_screen", ids=ids2, ordered=True))])

ids = F.screen(category="bond", filters=[("max_drawdown_3y", "<", 0.05)], sort="return_1y", descending=True, limit=5)
add(FU, ["fund_screen", "zh"], [T(
    "近三年最大回撤小于5%的债券基金，按近一年年化收益从高到低排，前五只",
    **ans("fund_screen", ids=ids, ordered=True))], lang="zh")

ids = F.screen(category="commodity", sort="volatility_1y", descending=False)
add(FU, ["fund_screen", "sort_default_direction"], [T(
    "List the commodity funds sorted by 1-year volatility.",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = F.screen(category="money_market", filters=[("aum", ">", 1000)], sort="expense_ratio", descending=False, limit=3)
add(FU, ["fund_screen", "fees", "aum", "limit"], [T(
    "the 3 cheapest money market funds by expense ratio, among those with more than 1,000 million in AUM",
    **ans("fund_screen", ids=ids, ordered=True))])

# compare
a, b = one_fund("Summit Peak Nasdaq 100 QDII"), one_fund("Lotus Gate Nasdaq 100 QDII")
add(FU, ["fund_compare", "names"], [T(
    "Summit Peak Nasdaq 100 QDII vs Lotus Gate Nasdaq 100 QDII: how do they stack up on 1-year return and max drawdown?",
    **ans("fund_compare", ids=[a, b], ordered=False, scope={"funds": [a, b]}))])

d = fund_metric("F0019", "return_1y") - fund_metric("F0012", "return_1y")
assert d > 0
add(FU, ["fund_compare", "difference"], [T(
    "By how many percentage points did F0019 beat F0012 on 1-year annualised return?",
    **ans("fund_compare", d, scope={"funds": ["F0019", "F0012"]}))])

a, b = one_fund("Silver Bay SSE 50 Index"), one_fund("Jade Harbor SSE 50 Index")
add(FU, ["fund_metric", "follow_up", "to_compare"], [
    T("What's the 3-year Sortino ratio of Silver Bay SSE 50 Index?",
      **ans("fund_metric", fund_metric(a, "sortino_3y"), scope={"funds": [a]})),
    T("and how does it compare with Jade Harbor SSE 50 Index?",
      **ans("fund_compare", ids=[a, b], ordered=False, scope={"funds": [a, b]}))])

a, b = one_fund("Golden Crane Treasury Select Bond"), one_fund("Red Maple Interest Rate Bond")
add(FU, ["fund_metric", "follow_up", "change_figure", "change_fund"], [
    T("expense ratio of Golden Crane Treasury Select Bond?",
      **ans("fund_metric", fund_metric(a, "expense_ratio"), scope={"funds": [a]})),
    T("and its 3-year max drawdown?",
      **ans("fund_metric", fund_metric(a, "max_drawdown_3y"), scope={"funds": [a]})),
    T("what about for Red Maple Interest Rate Bond?",
      **ans("fund_metric", fund_metric(b, "max_drawdown_3y"), scope={"funds": [b]}))])

# ============================================================================================
# Network
# ============================================================================================
NE = "network"
base = N.baseline()
b0 = N.solve(base)
assert b0 is not None


def netturn(q, edits, expect_infeasible=False):
    if edits:
        v = N.solve(apply_edits(base, edits))
        if expect_infeasible:
            assert v is None, (q, v)
            e = {"status": "answered", "intent": "network_what_if", "no_value": True}
        else:
            assert v is not None and v != b0, (q, v, b0)
            e = ans("network_what_if", v, tol=1e-6)
    else:
        e = ans("network_optimize", b0, tol=1e-6)
    return {"q": q, "edits": edits, "expect": e}


def net(q, edits, tags, lang="en", infeasible=False):
    intent = "network_what_if" if edits else "network_optimize"
    add(NE, [intent] + tags, [netturn(q, edits, infeasible)], lang=lang)


net("bottom line: what's the least we can spend getting tea to all nine stores?", [], ["chatty"])
net("ما هي أقل تكلفة إجمالية لخطة التوزيع المثلى؟", [], ["ar"], lang="ar")
net("What if the Old Town store needed 40% less black tea?",
    [{"op": "demand", "node": "S03", "product": "black_tea", "scale": 0.6}], ["demand_scale", "node_name"])
net("If the South packing centre's fixed cost came down by 2,000, what would the optimum be?",
    [{"op": "fixed_cost", "node": "South Packing", "add": -2000}], ["fixed_cost"])
net("What happens if Darjeeling Estate and Assam Estate both lose half their capacity?",
    [{"op": "supplier_capacity", "node": "Darjeeling Estate", "scale": 0.5},
     {"op": "supplier_capacity", "node": "Assam Estate", "scale": 0.5}], ["capacity", "infeasible", "combination"],
    infeasible=True)
net("What if South Packing stopped shipping green tea to Southport?",
    [{"op": "forbid_lane", "from": "South Packing", "to": "S09", "product": "green_tea"}], ["forbid_lane", "node_name"])
net("What if every delivery into Hillcrest got 0.5 cheaper per case?",
    [{"op": "lane_cost", "from": "*", "to": "S07", "product": None, "add": -0.5}], ["lane_cost", "node_name"])
net("What if we had to push at least 80 cases from Central Packing to Bayview?",
    [{"op": "min_flow", "from": "Central Packing", "to": "S08", "product": None, "min": 80}],
    ["min_flow", "node_name"])
net("Suppose Darjeeling Estate ships only to North Packing and North Packing takes leaf only from Darjeeling Estate. "
    "What does the plan cost?",
    [{"op": "exclusive_pair", "from": "Darjeeling Estate", "to": "North Packing"}], ["exclusive_pair"])
net("如果Harbour Imports的总产能降到300箱，总成本会变成多少？",
    [{"op": "supplier_capacity", "node": "Harbour Imports", "set": 300}], ["capacity", "zh"], lang="zh")
net("What would the optimal plan cost if Central Packing had to stay open?",
    [{"op": "facility", "node": "Central Packing", "open": True}], ["open_facility"])

# supply of one product: pick a cut that changes the plan
sup_edit = None
for qty in (100, 150, 200):
    e = [{"op": "supply", "node": "Harbour Imports", "product": "black_tea", "set": qty}]
    v = N.solve(apply_edits(base, e))
    if v is not None and v != b0:
        sup_edit = (qty, e)
        break
assert sup_edit
net(f"Harbour Imports can only let us have {sup_edit[0]} cases of packed black tea this period. New cost?",
    sup_edit[1], ["supply"])

e1 = [{"op": "demand", "node": "S05", "product": None, "scale": 1.5}]
e2 = e1 + [{"op": "supplier_capacity", "node": "Harbour Imports", "set": 300}]
t1, t2 = netturn("What if demand at Midvale rose by 50%?", e1), netturn(
    "and on top of that Harbour Imports could only ship 300 cases in total?", e2)
assert t1["expect"]["value"] != t2["expect"]["value"]
add(NE, ["network_what_if", "follow_up", "combination", "node_name"], [t1, t2])

e1 = [{"op": "demand", "node": "S04", "product": "black_tea", "set": 150}]
e2 = e1 + [{"op": "facility", "node": "South Packing", "open": False}]
t1, t2 = netturn("What if Riverside wanted 150 cases of black tea?", e1), netturn(
    "and if we closed South Packing as well?", e2)
assert t1["expect"]["value"] != t2["expect"]["value"]
add(NE, ["network_what_if", "follow_up", "combination", "close_facility"], [t1, t2])

# ============================================================================================
# Calculate
# ============================================================================================
CA = "calculate"
add(CA, ["numbers_as_words"], [T(
    "what is twelve times seventeen", **ans("calculate", 12 * 17, tol=1e-12))])
x = Fraction(2450, 35)
add(CA, ["follow_up", "uses_previous"], [
    T("2,450 divided by 35?", **ans("calculate", x, tol=1e-12)),
    T("times 1.13?", **ans("calculate", x * Fraction(113, 100), tol=1e-12))])
add(CA, ["zh"], [T("1234乘以5.6等于多少？", **ans("calculate", 1234 * Fraction(56, 10), tol=1e-12))], lang="zh")
add(CA, ["ar"], [T("كم يساوي 250 ضرب 16؟", **ans("calculate", 250 * 16, tol=1e-12))], lang="ar")

# ============================================================================================
# Clarify
# ============================================================================================
CL = "clarify"
many(item_names, "Thermos Cup 500ml")
add(CL, ["ambiguous_product"], [T(
    "How many Thermos Cup 500ml did Chengdu sell last month?", status="clarify", intent="sales_history")])
many(item_names, "space heater")
add(CL, ["ambiguous_product", "lowercase"], [T(
    "on hand for the space heater in beijing?", status="clarify", intent="inventory_status")])
many(item_names, "body wash 1L")
add(CL, ["ambiguous_product", "forecast"], [T(
    "forecast for the body wash 1L in GZ over the next 2 weeks", status="clarify", intent="forecast")])
many(item_names, "Iced Coffee 270ml")
add(CL, ["ambiguous_product", "inventory_policy"], [T(
    "What's the safety stock for the Iced Coffee 270ml in Shanghai?", status="clarify", intent="inventory_policy")])
many(item_names, "Air Fryer 5L")
add(CL, ["ambiguous_product", "zh"], [T(
    "Air Fryer 5L上个月在上海卖了多少台？", status="clarify", intent="sales_history")], lang="zh")
many(fund_names, "Yellow Sea Pure Bond")
add(CL, ["ambiguous_fund", "share_class"], [T(
    "Yellow Sea Pure Bond expense ratio?", status="clarify", intent="fund_metric")])

many(fund_names, "Blue River Advanced Manufacturing Equity")
code = one_fund("Blue River Advanced Manufacturing Equity C")
add(CL, ["ambiguous_fund", "share_class", "follow_up", "resolve"], [
    T("What's the 1-year annualised return of Blue River Advanced Manufacturing Equity?",
      status="clarify", intent="fund_metric"),
    T("the C class", **ans("fund_metric", fund_metric(code, "return_1y"), scope={"funds": [code]}))])

many(item_names, "deodorant 50ml")
sku = one_sku("Ocean Mist deodorant")
p = R.quarter(1)
add(CL, ["ambiguous_product", "follow_up", "resolve", "lowercase"], [
    T("deodorant 50ml revenue in q1?", status="clarify", intent="sales_history"),
    T("the Ocean Mist one", **ans("sales_history", R.revenue(p, skus={sku}),
                                  scope={"skus": [sku], "period": per(p)}))])

# ============================================================================================
# Out of scope
# ============================================================================================
UN = "unsupported"
for q, tag, lang in [
    ("What's Carrefour charging for Red Lantern Cola 2L this week?", "competitor_price", "en"),
    ("What payment terms do we have in our contract with Pearl River Supply Co.?", "supplier_contract", "en"),
    ("How many employees work at the Chengdu Shuangliu warehouse?", "headcount", "en"),
    ("Please set the on-hand quantity of SKU-10001 in Beijing to 500.", "change_data", "en"),
    ("Should I move my retirement savings into F0012 right now?", "investment_advice", "en"),
    ("How many units did JD.com sell during this year's 618?", "other_dataset", "en"),
    ("帮我给供应商写一封催货邮件。", "email", "zh"),
    ("ما هي توقعات الطقس في بكين غدًا؟", "weather", "ar"),
]:
    add(UN, [tag] + ([lang] if lang != "en" else []), [T(q, status="unsupported", intent=None)], lang=lang)

# ============================================================================================
# Edge: periods outside the data, horizon out of range
# ============================================================================================
ED = "edge"
assert R.first_sale > D(2022, 12, 31)
add(ED, ["period_outside_data"], [T(
    "How many units of SKU-10001 did Beijing sell in 2022?",
    status_any=["answered", "error"], intent="sales_history", no_value=True)])
add(ED, ["horizon_out_of_range"], [T(
    "Forecast SKU-10001 sales in Beijing for the next 1000 days.",
    status="error", intent="forecast")])

# ============================================================================================
with open(args.out, "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")

# validate
with open(args.out, encoding="utf-8") as f:
    lines = f.read().splitlines()
kinds, langs, multi = Counter(), Counter(), 0
ids_seen = set()
for ln in lines:
    c = json.loads(ln)
    assert c["id"] not in ids_seen
    ids_seen.add(c["id"])
    assert c["turns"] and all("q" in t and "expect" in t for t in c["turns"])
    kinds[c["tags"][1]] += 1
    langs[c["lang"]] += len(c["turns"])
    multi += len(c["turns"]) > 1
    for t in c["turns"]:
        e = t["expect"]
        assert "status" in e or "status_any" in e
        if "value" in e:
            assert isinstance(e["value"], (int, float)) and not isinstance(e["value"], bool)
qs = [t["q"] for ln in lines for t in json.loads(ln)["turns"]]
dup = [q for q, n in Counter(qs).items() if n > 1 and len(q) > 12]
assert not dup, dup
assert len(lines) >= 95, len(lines)
print(len(lines), "cases,", len(qs), "turns,", multi, "multi-turn;", dict(kinds), dict(langs))
