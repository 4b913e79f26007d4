#!/usr/bin/env python3
"""Build heldout7.jsonl: a seventh held-out question set for `abacus ask` on shared/data/sample.

Emphasis: the fund-selection assistant (screens as retail investors and advisors type them, single-fund
metrics, comparisons) and multi-turn dialogue in every area (funds, retail, inventory, network).

Python 3 standard library only.  Every expected figure comes from the independent reference library
../heldout/heldout_lib.py (computed straight from the canonical CSVs per shared/spec/*.md), extended
locally below (averages, counts, bottom-N rankings, inception/company/manager filters); the library file
itself is not modified.

    python3 eval/heldout7/make_heldout7.py [--data /work/shared/data/sample]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "heldout"))
from heldout_lib import D, Funds, Network, Retail, apply_edits, iso, match_names  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "sample"))
ap.add_argument("--out", default=os.path.join(HERE, "heldout7.jsonl"))
ap.add_argument("--show", action="store_true", help="print every turn with its expectation")
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


def add(area, tags, turns, lang="en"):
    cases.append({"id": f"h7-{len(cases) + 1:03d}", "dataset": "sample", "lang": lang,
                  "tags": [("multi" if len(turns) > 1 else "single"), area] + tags, "turns": turns})


def T(q, edits=None, **expect):
    t = {"q": q}
    if edits is not None:
        t["edits"] = edits
    t["expect"] = expect
    return t


def ans(intent, value=None, tol=1e-9, scope=None, ids=None, ordered=None):
    e = {"status": "answered", "intent": intent}
    if value is not None:
        e["value"] = num(value)
        e["tol"] = tol
    if ids is not None:
        assert ids, "empty expected id list"
        e["ids"] = list(ids)
        e["ordered"] = bool(ordered)
    if scope:
        e["scope"] = scope
    return e


def novalue(intent, scope=None):
    """Undefined metric (metrics.md): answered (or error) with value null."""
    e = {"status_any": ["answered", "error"], "intent": intent, "no_value": True}
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


# --------------------------------------------------------------------------------------------
# Local extensions for funds (heldout_lib.Funds is used as is)
# --------------------------------------------------------------------------------------------
LOWER_BETTER = ("max_drawdown", "volatility", "expense_ratio", "risk_level")


def company(name):
    full = f"{name} Fund Management Co., Ltd."
    assert any(x["company"] == full for x in F.funds.values()), name
    return lambda x: x["company"] == full


def managed_by(person):
    return lambda x: person in [m.strip() for m in x["manager"].split(",")]


def launched_before(d):
    return lambda x: D.fromisoformat(x["inception_date"]) < d


def both(*ws):
    ws = [w for w in ws if w is not None]
    return lambda x: all(w(x) for w in ws)


def fs(category=None, filters=(), sort=None, desc=None, limit=None, where=None):
    """A screen per data.md (active funds only, funds lacking a filtered/sorted value left out); a sort
    without a direction puts the better end first (ask.md).  Asserts that no candidate sits exactly on a
    threshold (so strict and non-strict readings agree) and, through the library, no tie at the cut."""
    if sort is not None and desc is None:
        desc = not sort.startswith(LOWER_BETTER)
    flip = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}
    loose = [(n_, flip[o_], t_) for n_, o_, t_ in filters]
    ids = F.screen(category=category, filters=list(filters), sort=sort, descending=bool(desc),
                   limit=limit, where=where)
    assert ids, (category, filters, sort)
    assert ids == F.screen(category=category, filters=loose, sort=sort, descending=bool(desc), limit=limit,
                           where=where), ("a fund sits on a threshold", category, filters)
    return ids


def fmean(ids, field):
    """Exact mean of a funds.csv column (decimal strings) over a screen."""
    vals = [Fraction(F.funds[c][field]) for c in ids]
    return sum(vals, Fraction(0)) / len(vals)


def fm(code, name):
    v = F.metric(code, name)
    assert v is not None, (code, name)
    return v


def fscope(*codes):
    return {"funds": list(codes)}


# --------------------------------------------------------------------------------------------
# Local extensions for retail
# --------------------------------------------------------------------------------------------
def bottom(key, period, measure, n, locs=None, category=None):
    """Bottom-n ranking (lowest first).  The universe must hold no zero (a zero-seller would make the
    ranking depend on whether non-sellers count) and no tie inside the bottom n + 1."""
    if key == "sku":
        if locs:
            uni = {s for (s, l) in R.on_hand if l in locs} | {s for (s, l) in R.sales if l in locs}
        else:
            uni = set(R.items)
        if category:
            uni = {s for s in uni if R.items[s]["category"] == category}
        vals = {s: (R.units(period, skus={s}, locs=locs) if measure == "units"
                    else R.revenue(period, skus={s}, locs=locs)) for s in uni}
    elif key == "brand":
        vals = {b: (R.units(period, brand=b, locs=locs) if measure == "units"
                    else R.revenue(period, brand=b, locs=locs))
                for b in {x["brand"] for x in R.items.values()}}
    elif key == "location":
        vals = {l: (R.units(period, locs={l}, category=category) if measure == "units"
                    else R.revenue(period, locs={l}, category=category)) for l in R.locations}
    else:
        raise AssertionError(key)
    ranked = sorted(vals.items(), key=lambda kv: (kv[1], kv[0]))
    head = [v for _, v in ranked[: n + 1]]
    assert min(vals.values()) > 0, ("zero in bottom universe", key, period, locs)
    assert len(set(head)) == len(head), ("tie in bottom ranking", ranked[: n + 1])
    return [k for k, _ in ranked[:n]]


def rsc(skus=None, locs=None, period=None, cats=None, brands=None, horizon=None):
    s = {}
    if skus is not None:
        s["skus"] = list(skus)
    if locs is not None:
        s["locations"] = list(locs)
    if cats is not None:
        s["categories"] = list(cats)
    if brands is not None:
        s["brands"] = list(brands)
    if period is not None:
        s["period"] = per(period)
    if horizon is not None:
        s["horizon_days"] = horizon
    return s


FU = "funds"
RE = "retail"
NE = "network"
CL = "clarify"
UN = "unsupported"

# ============================================================================================
# FUNDS, single turn: screens, counts, averages, company, manager, inception
# ============================================================================================
ids = fs("equity", [("risk_level", ">", 4.5)])
add(FU, ["fund_screen", "count", "risk"], [T(
    "How many equity funds are rated at risk level 5?",
    **ans("fund_screen", len(ids)))])

ids = fs("qdii")
add(FU, ["fund_screen", "average", "fee"], [T(
    "What's the average expense ratio across the QDII funds?",
    **ans("fund_screen", fmean(ids, "expense_ratio")))])

ids = fs(None, [("aum", ">", 5000)], where=company("Golden Crane"))
add(FU, ["fund_screen", "company", "aum"], [T(
    "List the Golden Crane funds with AUM over 5,000 million.",
    **ans("fund_screen", ids=ids, ordered=False))])

ids = fs("mixed", [("sortino_3y", ">", 1.2)], sort="calmar_3y")
add(FU, ["fund_screen", "sortino", "calmar"], [T(
    "Mixed funds with a 3-year Sortino above 1.2, ranked by their 3-year Calmar ratio.",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = fs("commodity", sort="max_drawdown_1y", limit=1)
add(FU, ["fund_screen", "top_1", "drawdown"], [T(
    "Which commodity fund had the smallest maximum drawdown over the past year?",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = fs("qdii", sort="return_5y", limit=3)
add(FU, ["fund_screen", "top_n", "5y"], [T(
    "top 3 QDII funds by 5-year annualised return",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = fs("index", [("return_ytd", ">", 0.08)], sort="volatility_1y", desc=False)
add(FU, ["fund_screen", "ytd", "volatility"], [T(
    "Index funds with a YTD return above 8%, sorted by 1-year volatility, lowest first.",
    **ans("fund_screen", ids=ids, ordered=True))])

ids = fs(None, [("sharpe_3y", "<", 0.0)])
assert "F0031" in ids and "F0064" in ids and "F0173" not in ids  # no-NAV funds count, inactive does not
add(FU, ["fund_screen", "count", "no_nav_columns", "inactive"], [T(
    "How many funds have a negative 3-year Sharpe ratio?",
    **ans("fund_screen", len(ids)))])

ids = fs("mixed", [("return_1y", ">", 0.11), ("return_1y", "<", 0.13)])
assert {"F0031", "F0198"} <= set(ids), ids  # funds without NAV history: the funds.csv column is the metric
add(FU, ["fund_screen", "range", "no_nav_columns"], [T(
    "Which mixed funds have a 1-year return between 11% and 13%?",
    **ans("fund_screen", ids=ids, ordered=False))])

ids = fs("money_market", sort="aum", limit=3)
add(FU, ["fund_screen", "top_n", "aum", "zh"], [T(
    "规模最大的三只货币基金是哪些？",
    **ans("fund_screen", ids=ids, ordered=True))], lang="zh")

ids = fs("bond", [("risk_level", "<", 1.5)])
add(FU, ["fund_screen", "risk", "ar"], [T(
    "ما هي صناديق السندات ذات مستوى المخاطر 1؟",
    **ans("fund_screen", ids=ids, ordered=False))], lang="ar")

mixed_all = fs("mixed")
assert "F0173" not in mixed_all and "F0031" in mixed_all
add(FU, ["fund_screen", "average", "aum", "inactive"], [T(
    "What is the average fund size (AUM) of our mixed funds?",
    **ans("fund_screen", fmean(mixed_all, "aum")))])

# ============================================================================================
# FUNDS, single turn: one fund's metric in many wordings
# ============================================================================================
c = one_fund("Jade Harbor SSE 50 Index")
add(FU, ["fund_metric", "return_total_since_inception"], [T(
    "How much has the Jade Harbor SSE 50 Index fund returned in total since it launched?",
    **ans("fund_metric", fm(c, "return_total_since_inception"), scope=fscope(c)))])

add(FU, ["fund_metric", "ytd"], [T(
    "F0132 ytd return?",
    **ans("fund_metric", fm("F0132", "return_ytd"), scope=fscope("F0132")))])

c = one_fund("Orient Bridge Gold ETF Feeder")
add(FU, ["fund_metric", "manager"], [T(
    "Who manages the Orient Bridge Gold ETF Feeder?",
    status="answered", intent="fund_metric", scope=fscope(c))])

assert F.metric("F0057", "max_drawdown_5y") is None
add(FU, ["fund_metric", "insufficient_history"], [T(
    "What's the worst drawdown F0057 has had over the last 5 years?",
    **novalue("fund_metric", scope=fscope("F0057")))])

c = one_fund("Silver Bay SSE 50 Index")
add(FU, ["fund_metric", "sortino"], [T(
    "1-year Sortino for Silver Bay SSE 50 Index?",
    **ans("fund_metric", fm(c, "sortino_1y"), scope=fscope(c)))])

add(FU, ["fund_metric", "risk_level"], [T(
    "What risk level is fund F0139 rated?",
    **ans("fund_metric", int(F.funds["F0139"]["risk_level"]), scope=fscope("F0139")))])

assert "F0068" not in F.nav
add(FU, ["fund_metric", "no_nav_columns"], [T(
    "What's the 3-year Sharpe ratio of F0068?",
    **ans("fund_metric", fm("F0068", "sharpe_3y"), scope=fscope("F0068")))])

c = one_fund("Lotus Gate Steady Growth Mixed Select")
assert not F.active(c)
add(FU, ["fund_metric", "inactive_by_name"], [T(
    "What was the 1-year annualised return of Lotus Gate Steady Growth Mixed Select?",
    **ans("fund_metric", fm(c, "return_1y"), scope=fscope(c)))])

assert F.metric("F0088", "sortino_3y") is None  # no negative daily return: downside deviation 0
add(FU, ["fund_metric", "zero_denominator"], [T(
    "What's the 3-year Sortino ratio of F0088?",
    **novalue("fund_metric", scope=fscope("F0088")))])

c = one_fund("Blue River Healthcare Innovation Equity Pro")
add(FU, ["fund_metric", "return_total"], [T(
    "Total return over 3 years for Blue River Healthcare Innovation Equity Pro?",
    **ans("fund_metric", fm(c, "return_total_3y"), scope=fscope(c)))])

add(FU, ["fund_metric", "drawdown", "zh"], [T(
    "基金F0074近五年最大回撤是多少？",
    **ans("fund_metric", fm("F0074", "max_drawdown_5y"), scope=fscope("F0074")))], lang="zh")

add(FU, ["fund_metric", "fee", "ar"], [T(
    "ما هي نسبة المصروفات السنوية لصندوق F0123؟",
    **ans("fund_metric", float(F.funds["F0123"]["expense_ratio"]), scope=fscope("F0123")))], lang="ar")

# ============================================================================================
# FUNDS, single turn: comparisons
# ============================================================================================
cs = [one_fund("Orient Bridge Gold ETF Feeder"), one_fund("Blue River Gold Select"), one_fund("Summit Peak Gold Select")]
add(FU, ["fund_compare", "three"], [T(
    "Compare Orient Bridge Gold ETF Feeder, Blue River Gold Select and Summit Peak Gold Select on 3-year return and max drawdown.",
    **ans("fund_compare", ids=cs, ordered=False, scope=fscope(*cs)))])

d = fm("F0190", "return_1y") - fm("F0180", "return_1y")
assert d > 0
add(FU, ["fund_compare", "difference"], [T(
    "By how much did F0190's 1-year return beat F0180's?",
    **ans("fund_compare", d, scope=fscope("F0190", "F0180")))])

# ============================================================================================
# FUNDS, multi-turn screening and metric dialogues
# ============================================================================================
# D1: narrow by fee, then "the cheapest of those" (the cheapest of the list = a re-run sorted by fee, top 1)
a = fs("bond", [("return_3y", ">", 0.04)], sort="sharpe_3y")
b = fs("bond", [("return_3y", ">", 0.04), ("expense_ratio", "<", 0.005)], sort="sharpe_3y")
c1 = fs("bond", [("return_3y", ">", 0.04), ("expense_ratio", "<", 0.005)], sort="expense_ratio", limit=1)
assert c1[0] in b and len(b) < len(a)
add(FU, ["fund_screen", "narrow", "cheapest"], [
    T("Bond funds with a 3-year annualised return above 4%, sorted by 3-year Sharpe.",
      **ans("fund_screen", ids=a, ordered=True)),
    T("Only those with fees under 0.5%.", **ans("fund_screen", ids=b, ordered=True)),
    T("And the cheapest of those?", **ans("fund_screen", ids=c1, ordered=True))])

# D2: metric -> other window -> other metric on that window -> compare -> add a fund
c = one_fund("Jade Harbor Value Balanced Mixed")
for c_ in ("F0183", "F0199"):  # the compared funds have the 5-year window the dialogue is on
    fm(c_, "max_drawdown_5y")
add(FU, ["fund_metric", "fund_compare", "window_change", "add_to_compare"], [
    T("What's the 3-year Sharpe ratio of Jade Harbor Value Balanced Mixed?",
      **ans("fund_metric", fm(c, "sharpe_3y"), scope=fscope(c))),
    T("What about the 5-year figure?", **ans("fund_metric", fm(c, "sharpe_5y"), scope=fscope(c))),
    T("And its max drawdown over that period?", **ans("fund_metric", fm(c, "max_drawdown_5y"), scope=fscope(c))),
    T("Compare it with F0183.", **ans("fund_compare", ids=[c, "F0183"], ordered=False, scope=fscope(c, "F0183"))),
    T("Add F0199 to the comparison.",
      **ans("fund_compare", ids=[c, "F0183", "F0199"], ordered=False, scope=fscope(c, "F0183", "F0199")))])

# D3: filter + sort, add AUM filter, replace sort, set limit
f1 = [("risk_level", "<", 4.5), ("return_1y", ">", 0.30)]
a = fs("equity", f1, sort="sharpe_1y")
f2 = f1 + [("aum", ">", 1000)]
b = fs("equity", f2, sort="sharpe_1y")
c2 = fs("equity", f2, sort="max_drawdown_1y")
d3 = fs("equity", f2, sort="max_drawdown_1y", limit=3)
assert len(b) > 3 and b != c2
add(FU, ["fund_screen", "narrow", "resort", "limit"], [
    T("Equity funds with risk level 4 or lower and a 1-year return above 30%, sorted by 1-year Sharpe ratio.",
      **ans("fund_screen", ids=a, ordered=True)),
    T("only the ones with AUM above 1000 million", **ans("fund_screen", ids=b, ordered=True)),
    T("Sort by 1-year max drawdown instead.", **ans("fund_screen", ids=c2, ordered=True)),
    T("Just the top 3.", **ans("fund_screen", ids=d3, ordered=True))])

# D4: screen -> "how many is that?" -> sort -> top 3
a = fs("index", [("expense_ratio", "<", 0.0035)])
b = fs("index", [("expense_ratio", "<", 0.0035)], sort="return_3y")
assert len(b) < len(a)
add(FU, ["fund_screen", "count_followup", "sort"], [
    T("Which index funds have an expense ratio below 0.35%?", **ans("fund_screen", ids=a, ordered=False)),
    T("How many is that?", **ans("fund_screen", len(a))),
    T("Sort them by 3-year annualised return.", **ans("fund_screen", ids=b, ordered=True))])

# D5: company + category -> best by 3y return -> its fee
w = company("Phoenix Rise")
a = fs("bond", where=w)
b = fs("bond", sort="return_3y", limit=1, where=w)
add(FU, ["fund_screen", "company", "fund_metric"], [
    T("Show me Phoenix Rise's bond funds.", **ans("fund_screen", ids=a, ordered=False)),
    T("Which of them has the best 3-year return?", **ans("fund_screen", ids=b, ordered=True)),
    T("What's its expense ratio?", **ans("fund_metric", float(F.funds[b[0]]["expense_ratio"]), scope=fscope(b[0])))])

# D6: same screen for another category, then a limit
a = fs("qdii", [("sharpe_3y", ">", 0.7)], sort="max_drawdown_3y")
b = fs("equity", [("sharpe_3y", ">", 0.7)], sort="max_drawdown_3y")
c4 = fs("equity", [("sharpe_3y", ">", 0.7)], sort="max_drawdown_3y", limit=3)
add(FU, ["fund_screen", "category_change", "limit"], [
    T("QDII funds with a 3-year Sharpe above 0.7, smallest 3-year max drawdown first.",
      **ans("fund_screen", ids=a, ordered=True)),
    T("Now the same for equity funds.", **ans("fund_screen", ids=b, ordered=True)),
    T("Only the top 3.", **ans("fund_screen", ids=c4, ordered=True))])

# D7: metric chain then compare the two funds
add(FU, ["fund_metric", "fund_compare", "window_change", "fund_change"], [
    T("What's the max drawdown of F0006 over 3 years?", **ans("fund_metric", fm("F0006", "max_drawdown_3y"), scope=fscope("F0006"))),
    T("And for F0012?", **ans("fund_metric", fm("F0012", "max_drawdown_3y"), scope=fscope("F0012"))),
    T("Compare the two on 1-year return.", **ans("fund_compare", ids=["F0006", "F0012"], ordered=False, scope=fscope("F0006", "F0012")))])

# D8: AUM screen -> sort -> top 2
a = fs("money_market", [("aum", ">", 4000)])
b = fs("money_market", [("aum", ">", 4000)], sort="return_1y")
c5 = fs("money_market", [("aum", ">", 4000)], sort="return_1y", limit=2)
add(FU, ["fund_screen", "sort", "limit"], [
    T("Which money market funds have AUM over 4,000 million?", **ans("fund_screen", ids=a, ordered=False)),
    T("Sort them by 1-year return.", **ans("fund_screen", ids=b, ordered=True)),
    T("Top 2 only.", **ans("fund_screen", ids=c5, ordered=True))])

# D9: add filters one by one, sort, count
a = fs("mixed", [("volatility_3y", "<", 0.13)])
assert "F0031" in a  # no NAV history: volatility_3y column of funds.csv
f2 = [("volatility_3y", "<", 0.13), ("return_3y", ">", 0.08)]
b = fs("mixed", f2)
assert len(b) < len(a)
add(FU, ["fund_screen", "narrow", "count_followup", "no_nav_columns"], [
    T("Mixed funds with 3-year volatility under 13%.", **ans("fund_screen", ids=a, ordered=False)),
    T("And a 3-year return above 8%.", **ans("fund_screen", ids=b, ordered=False)),
    T("How many are there?", **ans("fund_screen", len(b)))])

# D10: compare two -> other window -> add a third fund
c = one_fund("Orient Bridge Ultra Short Bond")
add(FU, ["fund_compare", "window_change", "add_to_compare"], [
    T("Compare F0043 and F0185 on 3-year annualised return.", **ans("fund_compare", ids=["F0043", "F0185"], ordered=False, scope=fscope("F0043", "F0185"))),
    T("And over 5 years?", **ans("fund_compare", ids=["F0043", "F0185"], ordered=False, scope=fscope("F0043", "F0185"))),
    T("Add Orient Bridge Ultra Short Bond to the comparison.",
      **ans("fund_compare", ids=["F0043", "F0185", c], ordered=False, scope=fscope("F0043", "F0185", c)))])

# D11 (zh): screen -> fee filter -> top 2
f1 = [("return_3y", ">", 0.05)]
a = fs("bond", f1, sort="sharpe_3y")
f2 = f1 + [("expense_ratio", "<", 0.007)]
b = fs("bond", f2, sort="sharpe_3y")
c7 = fs("bond", f2, sort="sharpe_3y", limit=2)
assert len(b) > 2 and len(b) < len(a)
add(FU, ["fund_screen", "narrow", "limit", "zh"], [
    T("近三年年化收益高于5%的债券基金有哪些？按近三年夏普比率从高到低排序。", **ans("fund_screen", ids=a, ordered=True)),
    T("只要费率低于0.7%的。", **ans("fund_screen", ids=b, ordered=True)),
    T("只看前两名。", **ans("fund_screen", ids=c7, ordered=True))], lang="zh")

# D12: manager screen -> compare them
a = fs(None, where=managed_by("Yu Shu"))
assert len(a) == 2
add(FU, ["fund_screen", "manager", "fund_compare"], [
    T("Which funds are managed by Yu Shu?", **ans("fund_screen", ids=a, ordered=False)),
    T("Compare them on 3-year volatility.", **ans("fund_compare", ids=a, ordered=False, scope=fscope(*a)))])

# D13: inception screen -> add a 5-year filter -> sort -> top 3
w = launched_before(D(2020, 1, 1))
b = fs("equity", [("return_5y", ">", 0.03)], where=w)
c8 = fs("equity", [("return_5y", ">", 0.03)], sort="sharpe_5y", where=w)
d8 = fs("equity", [("return_5y", ">", 0.03)], sort="sharpe_5y", limit=3, where=w)
assert len(c8) > 3
add(FU, ["fund_screen", "inception", "narrow", "sort", "limit"], [
    T("Which equity funds launched before 2020 have a 5-year annualised return above 3%?", **ans("fund_screen", ids=b, ordered=False)),
    T("Sort by 5-year Sharpe.", **ans("fund_screen", ids=c8, ordered=True)),
    T("Just the top 3.", **ans("fund_screen", ids=d8, ordered=True))])

# D14: sort -> risk filter -> replace sort (a fund without the old sort field comes back)
a = fs("commodity", sort="calmar_3y")
b = fs("commodity", [("risk_level", "<", 4.5)], sort="calmar_3y")
c9 = fs("commodity", [("risk_level", "<", 4.5)], sort="sharpe_1y")
assert set(c9) - set(b)
add(FU, ["fund_screen", "narrow", "resort"], [
    T("Rank the commodity funds by 3-year Calmar ratio.", **ans("fund_screen", ids=a, ordered=True)),
    T("Only risk level 4 or lower.", **ans("fund_screen", ids=b, ordered=True)),
    T("What about ranking them by 1-year Sharpe instead?", **ans("fund_screen", ids=c9, ordered=True))])

# D15: company -> category -> sort by fee
w = company("Golden Crane")
a = fs(None, where=w)
b = fs("index", where=w)
c10 = fs("index", sort="expense_ratio", where=w)
add(FU, ["fund_screen", "company", "category_narrow", "fee"], [
    T("Show me all Golden Crane funds.", **ans("fund_screen", ids=a, ordered=False)),
    T("Only the index ones.", **ans("fund_screen", ids=b, ordered=False)),
    T("Sort them by expense ratio.", **ans("fund_screen", ids=c10, ordered=True))])

# D16 (ar): metric -> other window
add(FU, ["fund_metric", "window_change", "ar"], [
    T("ما هو أقصى تراجع لصندوق F0144 خلال ثلاث سنوات؟", **ans("fund_metric", fm("F0144", "max_drawdown_3y"), scope=fscope("F0144"))),
    T("وماذا عن خمس سنوات؟", **ans("fund_metric", fm("F0144", "max_drawdown_5y"), scope=fscope("F0144")))], lang="ar")

# D17 (zh): metric -> other window
add(FU, ["fund_metric", "window_change", "zh"], [
    T("F0132近一年夏普比率是多少？", **ans("fund_metric", fm("F0132", "sharpe_1y"), scope=fscope("F0132"))),
    T("近三年呢？", **ans("fund_metric", fm("F0132", "sharpe_3y"), scope=fscope("F0132")))], lang="zh")

# ============================================================================================
# RETAIL and INVENTORY, multi-turn
# ============================================================================================
p = R.last_quarter()
PC = "Personal Care"
top = R.rank("sku", p, "revenue", n=5, locs={"WH-SH"}, category=PC)[0]
b1 = bottom("sku", p, "revenue", 3, locs={"WH-SH"}, category=PC)
b2 = bottom("sku", p, "units", 3, locs={"WH-SH"}, category=PC)
b3 = bottom("sku", p, "units", 3, locs={"WH-BJ"}, category=PC)
assert b1 != b2 and b2 != b3
add(RE, ["sales", "ranking", "bottom", "measure_change", "location_change"], [
    T("Top 5 Personal Care SKUs by revenue in Shanghai last quarter?", **ans("sales_history", ids=top, ordered=True, scope=rsc(locs=["WH-SH"], period=p, cats=[PC]))),
    T("And the bottom 3?", **ans("sales_history", ids=b1, ordered=True, scope=rsc(locs=["WH-SH"], period=p, cats=[PC]))),
    T("and in units?", **ans("sales_history", ids=b2, ordered=True, scope=rsc(locs=["WH-SH"], period=p, cats=[PC]))),
    T("How about Beijing?", **ans("sales_history", ids=b3, ordered=True, scope=rsc(locs=["WH-BJ"], period=p, cats=[PC])))])

s = one_sku("Zhilan Air Fryer 5L")
p1 = R.last_quarter()
p2 = R.quarter(4, 2025)
add(RE, ["sales", "measure_change", "period_change"], [
    T("How many Zhilan Air Fryer 5L did Shanghai sell last quarter?", **ans("sales_history", R.units(p1, {s}, {"WH-SH"}), scope=rsc([s], ["WH-SH"], p1))),
    T("And the revenue?", **ans("sales_history", R.revenue(p1, {s}, {"WH-SH"}), scope=rsc([s], ["WH-SH"], p1))),
    T("Same for the quarter before.", **ans("sales_history", R.revenue(p2, {s}, {"WH-SH"}), scope=rsc([s], ["WH-SH"], p2)))])


p = R.this_year()
bev = R.revenue(p, locs={"WH-BJ"}, category="Beverages")
add(RE, ["sales", "category_change", "share"], [
    T("Snacks revenue in Beijing this year?", **ans("sales_history", R.revenue(p, locs={"WH-BJ"}, category="Snacks"), scope=rsc(locs=["WH-BJ"], period=p, cats=["Snacks"]))),
    T("And Beverages?", **ans("sales_history", bev, scope=rsc(locs=["WH-BJ"], period=p, cats=["Beverages"]))),
    T("What share of Beijing's total revenue is that?", **ans("sales_history", bev / R.revenue(p, locs={"WH-BJ"}), scope=rsc(locs=["WH-BJ"], period=p)))])

p = R.month(5)
assert p == (D(2026, 5, 1), D(2026, 5, 31))
most = R.rank("location", p, "units", category="Household")[0]
least = bottom("location", p, "units", 1, category="Household")
byrev = R.rank("location", p, "revenue", category="Household")[0]
assert byrev != most
add(RE, ["sales", "ranking", "location", "bottom", "measure_change"], [
    T("Which warehouse sold the most Household units in May?", **ans("sales_history", ids=most[:1], ordered=True, scope=rsc(period=p, cats=["Household"]))),
    T("And which sold the least?", **ans("sales_history", ids=least, ordered=True, scope=rsc(period=p, cats=["Household"]))),
    T("Rank all four by revenue instead.", **ans("sales_history", ids=byrev, ordered=True, scope=rsc(period=p, cats=["Household"])))])

s = "SKU-10101"
oh = R.on_hand[(s, "WH-BJ")]
assert oh > 0
add(RE, ["inventory", "location_change", "stock_value"], [
    T("How many units of SKU-10101 are on hand in Chengdu?", **ans("inventory_status", R.on_hand[(s, "WH-CD")], scope=rsc([s], ["WH-CD"]))),
    T("And in Beijing?", **ans("inventory_status", oh, scope=rsc([s], ["WH-BJ"]))),
    T("What's that worth at retail price?", **ans("inventory_status", R.stock_value({"WH-BJ"}, skus={s}, at="price"), scope=rsc([s], ["WH-BJ"])))])


add(RE, ["inventory", "stock_value", "location_change"], [
    T("What's the stock value at cost of Kitchenware in the Shanghai warehouse?", **ans("inventory_status", R.stock_value({"WH-SH"}, "Kitchenware"), scope=rsc(locs=["WH-SH"], cats=["Kitchenware"]))),
    T("Across all warehouses?", **ans("inventory_status", R.stock_value(None, "Kitchenware"), scope=rsc(locs=[], cats=["Kitchenware"])))])

s = one_sku("Zhilan Handheld Vacuum")
po = R.open_po(s, "WH-GZ")
assert po > 0
add(RE, ["inventory", "open_po", "position"], [
    T("How many Zhilan handheld vacuums are on open purchase orders for Guangzhou?", **ans("inventory_status", po, scope=rsc([s], ["WH-GZ"]))),
    T("So what's the inventory position?", **ans("inventory_status", R.on_hand[(s, "WH-GZ")] + po, scope=rsc([s], ["WH-GZ"])))])


def yoy(fn, **kw):
    a_, b_ = fn(R.quarter(1, 2026), **kw), fn(R.quarter(1, 2025), **kw)
    return Fraction(a_ - b_) / b_


add(RE, ["sales", "yoy", "category_change", "measure_change"], [
    T("What was the YoY growth in Beverages units for Q1 2026 versus Q1 2025?", **ans("sales_history", yoy(R.units, category="Beverages"), scope=rsc(cats=["Beverages"]))),
    T("And for Snacks?", **ans("sales_history", yoy(R.units, category="Snacks"), scope=rsc(cats=["Snacks"]))),
    T("And in revenue instead?", **ans("sales_history", yoy(R.revenue, category="Snacks"), scope=rsc(cats=["Snacks"])))])

p1 = R.last_month()
p2 = R.last_quarter()
add(RE, ["sales", "brand", "location_add", "period_change"], [
    T("How many units did Happy Paws sell last month?", **ans("sales_history", R.units(p1, brand="Happy Paws"), scope=rsc(period=p1, brands=["Happy Paws"]))),
    T("In Guangzhou only?", **ans("sales_history", R.units(p1, brand="Happy Paws", locs={"WH-GZ"}), scope=rsc(locs=["WH-GZ"], period=p1, brands=["Happy Paws"]))),
    T("Same for last quarter.", **ans("sales_history", R.units(p2, brand="Happy Paws", locs={"WH-GZ"}), scope=rsc(locs=["WH-GZ"], period=p2, brands=["Happy Paws"])))])

p = (D(2025, 1, 1), D(2025, 12, 31))
add(RE, ["sales", "ranking", "brand", "bottom"], [
    T("Top 3 brands by revenue last year?", **ans("sales_history", ids=R.rank("brand", p, "revenue", n=3)[0], ordered=True, scope=rsc(period=p))),
    T("And the bottom 3?", **ans("sales_history", ids=bottom("brand", p, "revenue", 3), ordered=True, scope=rsc(period=p)))])

s = "SKU-10056"
p1 = R.last_n_days(28)
p2 = R.last_n_days(90)
add(RE, ["sales", "average", "period_change"], [
    T("Average daily units of SKU-10056 in Shanghai over the last 4 weeks?", **ans("sales_history", Fraction(R.units(p1, {s}, {"WH-SH"}), 28), scope=rsc([s], ["WH-SH"], p1))),
    T("Over the last 90 days instead?", **ans("sales_history", Fraction(R.units(p2, {s}, {"WH-SH"}), 90), scope=rsc([s], ["WH-SH"], p2)))])

p = R.last_month()
du = R.units(p, locs={"WH-SH"}) - R.units(p, locs={"WH-BJ"})
dr = R.revenue(p, locs={"WH-SH"}) - R.revenue(p, locs={"WH-BJ"})
assert du > 0 and dr > 0
add(RE, ["sales", "difference", "measure_change"], [
    T("How many more units did Shanghai sell than Beijing last month?", **ans("sales_history", du, scope=rsc(locs=["WH-SH", "WH-BJ"], period=p))),
    T("And in revenue terms?", **ans("sales_history", dr, scope=rsc(locs=["WH-SH", "WH-BJ"], period=p)))])

s = one_sku("Zhilan Rice Cooker")
add(RE, ["forecast", "inventory", "replenishment", "intent_change", "nondeterministic"], [
    T("How many Zhilan rice cookers will Guangzhou sell over the next 2 weeks?", **ans("forecast", scope=rsc([s], ["WH-GZ"], horizon=14))),
    T("How many are on hand there?", **ans("inventory_status", R.on_hand[(s, "WH-GZ")], scope=rsc([s], ["WH-GZ"]))),
    T("Should we reorder?", **ans("replenishment", scope=rsc([s], ["WH-GZ"])))])

add(RE, ["inventory_policy", "service_level", "location_change", "nondeterministic"], [
    T("What's the EOQ for SKU-10058 in Beijing?", **ans("inventory_policy", scope=rsc(["SKU-10058"], ["WH-BJ"]))),
    T("And the safety stock in Chengdu at a 97% service level?", **ans("inventory_policy", scope=rsc(["SKU-10058"], ["WH-CD"])))])

add(RE, ["stockout_risk", "horizon_change", "nondeterministic"], [
    T("Which SKUs in Shanghai could run out in the next 10 days?", **ans("stockout_risk", scope=rsc(locs=["WH-SH"], horizon=10))),
    T("And over the next 3 weeks?", **ans("stockout_risk", scope=rsc(locs=["WH-SH"], horizon=21)))])

p1 = (D(2025, 11, 11), D(2025, 11, 11))
p2 = (D(2026, 6, 18), D(2026, 6, 18))
add(RE, ["sales", "event", "period_change", "measure_change"], [
    T("What was Chengdu's revenue on Double 11 last year?", **ans("sales_history", R.revenue(p1, locs={"WH-CD"}), scope=rsc(locs=["WH-CD"], period=p1))),
    T("And on 618 this year?", **ans("sales_history", R.revenue(p2, locs={"WH-CD"}), scope=rsc(locs=["WH-CD"], period=p2))),
    T("And in units?", **ans("sales_history", R.units(p2, locs={"WH-CD"}), scope=rsc(locs=["WH-CD"], period=p2)))])

p1 = (D(2025, 1, 1), D(2025, 12, 31))
p2 = R.this_year()
r1 = R.rank("category", p1, "revenue", n=3, locs={"WH-CD"})[0]
r2 = R.rank("category", p1, "units", n=3, locs={"WH-CD"})[0]
r3 = R.rank("category", p2, "units", n=3, locs={"WH-CD"})[0]
assert r1 != r2
add(RE, ["sales", "ranking", "category", "measure_change", "period_change"], [
    T("Top 3 categories by revenue in Chengdu in 2025?", **ans("sales_history", ids=r1, ordered=True, scope=rsc(locs=["WH-CD"], period=p1))),
    T("And by units?", **ans("sales_history", ids=r2, ordered=True, scope=rsc(locs=["WH-CD"], period=p1))),
    T("Same for this year.", **ans("sales_history", ids=r3, ordered=True, scope=rsc(locs=["WH-CD"], period=p2)))])

p = R.last_month()
s = "SKU-10094"
add(RE, ["sales", "location_change", "measure_change", "zh"], [
    T("上个月北京仓卖了多少件SKU-10094？", **ans("sales_history", R.units(p, {s}, {"WH-BJ"}), scope=rsc([s], ["WH-BJ"], p))),
    T("广州呢？", **ans("sales_history", R.units(p, {s}, {"WH-GZ"}), scope=rsc([s], ["WH-GZ"], p))),
    T("销售额呢？", **ans("sales_history", R.revenue(p, {s}, {"WH-GZ"}), scope=rsc([s], ["WH-GZ"], p)))], lang="zh")

add(RE, ["sales", "location_change", "ar"], [
    T("كم كانت إيرادات مستودع شنغهاي الشهر الماضي؟", **ans("sales_history", R.revenue(p, locs={"WH-SH"}), scope=rsc(locs=["WH-SH"], period=p))),
    T("وماذا عن تشنغدو؟", **ans("sales_history", R.revenue(p, locs={"WH-CD"}), scope=rsc(locs=["WH-CD"], period=p)))], lang="ar")

p = R.quarter(4, 2025)
add(RE, ["sales", "brand", "brand_change"], [
    T("Revenue of the Iron Chef brand in Q4 2025?", **ans("sales_history", R.revenue(p, brand="Iron Chef"), scope=rsc(period=p, brands=["Iron Chef"]))),
    T("And Blue Lotus?", **ans("sales_history", R.revenue(p, brand="Blue Lotus"), scope=rsc(period=p, brands=["Blue Lotus"])))])

p1 = R.this_week()
p2 = R.last_n_days(7)
assert p1 == (D(2026, 6, 29), D(2026, 6, 30)) and p2 == (D(2026, 6, 23), D(2026, 6, 29))
add(RE, ["sales", "week", "period_change"], [
    T("How many units has Guangzhou sold this week?", **ans("sales_history", R.units(p1, locs={"WH-GZ"}), scope=rsc(locs=["WH-GZ"], period=p1))),
    T("And last week?", **ans("sales_history", R.units(p2, locs={"WH-GZ"}), scope=rsc(locs=["WH-GZ"], period=p2)))])

# ============================================================================================
# NETWORK, what-if chains (cumulative "on top of that", replacing "instead")
# ============================================================================================
base = N.baseline()
b0 = N.solve(base)
assert b0 is not None


def net_turn(q, edits, allow_none=False):
    if not edits:
        return T(q, edits=[], **ans("network_optimize", b0, tol=1e-6))
    v = N.solve(apply_edits(base, edits))
    if v is None:
        assert allow_none, q
        return T(q, edits=list(edits), status="answered", intent="network_what_if", no_value=True)
    assert v != b0, (q, v)
    return T(q, edits=list(edits), **ans("network_what_if", v, tol=1e-6))


e1 = {"op": "demand", "node": "S08", "product": None, "scale": 1.2}
e1b = {"op": "demand", "node": "S08", "product": None, "scale": 1.3}
e2 = {"op": "supplier_capacity", "node": "Harbour Imports", "set": 400}
add(NE, ["network_what_if", "instead", "on_top"], [
    net_turn("What if demand at S08 goes up 20%?", [e1]),
    net_turn("Instead make it 30%.", [e1b]),
    net_turn("And if on top of that Harbour Imports can only ship 400 cases in total?", [e1b, e2])])

e1 = {"op": "facility", "node": "Central Packing", "open": True}
e2 = {"op": "lane_cost", "from": "Assam Estate", "to": "*", "product": None, "scale": 1.1}
add(NE, ["network_optimize", "network_what_if", "on_top"], [
    net_turn("What's the cheapest plan cost right now?", []),
    net_turn("What if we had to keep Central Packing open?", [e1]),
    net_turn("And if on top of that all lanes out of Assam Estate get 10% dearer?", [e1, e2])])

e1 = {"op": "supplier_capacity", "node": "Darjeeling Estate", "set": 500}
e1b = {"op": "supplier_capacity", "node": "Darjeeling Estate", "set": 600}
e2 = {"op": "demand", "node": "S03", "product": "black_tea", "set": 250}
add(NE, ["network_what_if", "instead", "on_top"], [
    net_turn("What if Darjeeling Estate can only ship 500 cases?", [e1]),
    net_turn("Instead make it 600.", [e1b]),
    net_turn("And if, on top of that, S03 needs 250 cases of black tea?", [e1b, e2])])

e1 = {"op": "lane_cost", "from": "South Packing", "to": "S09", "product": None, "set": 3.0}
e2 = {"op": "min_flow", "from": "North Packing", "to": "S06", "min": 100}
add(NE, ["network_what_if", "on_top", "min_flow"], [
    net_turn("What if the South Packing to S09 lane cost 3.0 per case?", [e1]),
    net_turn("And on top of that we had to send at least 100 cases from North Packing to S06?", [e1, e2])])

e1 = {"op": "fixed_cost", "node": "Central Packing", "scale": 0.4}
e1b = {"op": "fixed_cost", "node": "Central Packing", "scale": 0.3}
add(NE, ["network_what_if", "instead", "fixed_cost"], [
    net_turn("What if Central Packing's fixed cost were cut by 60%?", [e1]),
    net_turn("Instead make it a 70% cut.", [e1b])])

e1 = {"op": "demand", "node": "*", "product": "green_tea", "scale": 1.25}
e2 = {"op": "supply", "node": "Harbour Imports", "product": "black_tea", "set": 300}
add(NE, ["network_what_if", "on_top", "supply"], [
    net_turn("What if green tea demand rose 25% at every store?", [e1]),
    net_turn("And on top of that Harbour Imports could only supply 300 cases of packed black tea?", [e1, e2])])

e1 = {"op": "forbid_lane", "from": "Harbour Imports", "to": "South Packing", "product": None}
e2 = {"op": "facility", "node": "North Packing", "open": False}
assert N.solve(apply_edits(base, [e1, e2])) is None
add(NE, ["network_what_if", "on_top", "forbid_lane", "infeasible"], [
    net_turn("What if we could no longer use the lane from Harbour Imports to South Packing?", [e1]),
    net_turn("And if we also shut North Packing?", [e1, e2], allow_none=True)])

e1 = {"op": "demand", "node": "*", "product": None, "add": 20}
e1b = {"op": "demand", "node": "*", "product": None, "add": 5}
add(NE, ["network_what_if", "instead", "demand_add"], [
    net_turn("What if every store needed 20 more cases of each tea?", [e1]),
    net_turn("Instead make it just 5 more.", [e1b])])

for c_ in cases:
    if c_["tags"][1] == NE:  # every step of a what-if chain must change the answer
        vs = [t_["expect"].get("value", "none") for t_ in c_["turns"]]
        assert all(x != y for x, y in zip(vs, vs[1:])), (c_["id"], vs)

# ============================================================================================
# CLARIFY (genuinely ambiguous)
# ============================================================================================
many(fund_names, "Blue River Advanced Manufacturing Equity")
add(CL, ["share_class", "fund_metric"], [T(
    "What's the 1-year return of Blue River Advanced Manufacturing Equity?",
    status="clarify", intent="fund_metric")])

many(fund_names, "Phoenix Rise Flexible Allocation Mixed")
add(CL, ["share_class", "fund_compare"], [T(
    "Compare Phoenix Rise Flexible Allocation Mixed with F0052 on 1-year return.",
    status="clarify", intent="fund_compare")])

m = many(fund_names, "Yellow Sea Pure Bond")
assert m == ["F0081", "F0082", "F0083"], m
add(CL, ["share_class", "fund_metric", "resolve"], [
    T("What's the 1-year Sharpe ratio of Yellow Sea Pure Bond?", status="clarify", intent="fund_metric"),
    T("The A share class.", **ans("fund_metric", fm("F0081", "sharpe_1y"), scope=fscope("F0081")))])

m = many(item_names, "Red Lantern Sports Drink")
assert len(m) == 2
add(CL, ["ambiguous_product", "sales"], [T(
    "How many Red Lantern sports drinks did Chengdu sell last month?",
    status="clarify", intent="sales_history")])

many(item_names, "Misty Peak Iced Coffee")
add(CL, ["ambiguous_product", "inventory"], [T(
    "How much Misty Peak Iced Coffee is on hand in Shanghai?",
    status="clarify", intent="inventory_status")])

many(item_names, "Jade Spring Mineral Water")
s = one_sku("Jade Spring Mineral Water 1.5L")
p = R.last_quarter()
add(CL, ["ambiguous_product", "sales", "resolve"], [
    T("What was the revenue of Jade Spring Mineral Water in Beijing last quarter?", status="clarify", intent="sales_history"),
    T("The 1.5L one.", **ans("sales_history", R.revenue(p, {s}, {"WH-BJ"}), scope=rsc([s], ["WH-BJ"], p)))])

# ============================================================================================
# UNSUPPORTED (advice for a person, market prices, data changes, transactions, data not held)
# ============================================================================================
for q, tag, lang in [
    ("I'm 58 and retiring in two years. Which of your funds should I move my pension into?", "personal_advice", "en"),
    ("What's the current share price of Ping An Insurance?", "stock_price", "en"),
    ("Change the expense ratio of F0045 to 0.3% in the database.", "data_change", "en"),
    ("Buy 10,000 yuan of the Orient Bridge Gold ETF Feeder for me.", "transaction", "en"),
    ("我有50万存款，应该买哪只基金？", "personal_advice", "zh"),
    ("هل يجب أن أستثمر كل مدخراتي في صندوق F0006؟", "personal_advice", "ar"),
]:
    add(UN, [tag], [T(q, status="unsupported", intent=None)], lang=lang)

add(UN, ["not_in_data"], [T(
    "What is the Morningstar star rating of F0018?",
    status_any=["unsupported", "error"], intent=None)])

# ============================================================================================
with open(args.out, "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")

# validate and summarise
with open(args.out, encoding="utf-8") as f:
    lines = f.read().splitlines()
areas, langs, nturns = {}, {}, 0
seen = set()
for ln in lines:
    c = json.loads(ln)
    assert c["id"] not in seen
    seen.add(c["id"])
    assert c["turns"] and all("q" in t and "expect" in t for t in c["turns"])
    areas[c["tags"][1]] = areas.get(c["tags"][1], 0) + 1
    for t in c["turns"]:
        nturns += 1
        langs[c["lang"]] = langs.get(c["lang"], 0) + 1
        if args.show:
            e = dict(t["expect"])
            if "ids" in e and len(e["ids"]) > 8:
                e["ids"] = e["ids"][:8] + [f"...({len(t['expect']['ids'])})"]
            print(c["id"], "|", t["q"], "|", json.dumps(e, ensure_ascii=False))
assert len(lines) >= 75, len(lines)
multi = sum(1 for ln in lines if len(json.loads(ln)["turns"]) > 1)
print(len(lines), "cases,", nturns, "turns,", multi, "multi-turn cases;", "areas", areas, "turns by language", langs)
