#!/usr/bin/env python3
"""Fresh held-out question set for Abacus `ask` (stdlib only).
Every expected figure, id list and scope is computed here from the raw CSVs of the sample dataset.
Usage: python3 make_fresh.py [DATA_DIR] > writes fresh.jsonl next to this script."""
import bisect, csv, datetime as dt, json, math, os, sys
from collections import defaultdict

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/sample"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fresh.jsonl")
D = dt.date
rd = lambda p: list(csv.DictReader(open(os.path.join(DATA, p), newline="", encoding="utf-8-sig")))

# ---------------- retail ----------------
items = {r["sku"]: r for r in rd("retail/items.csv")}
locs = {r["location_id"]: r for r in rd("retail/locations.csv")}
inv = rd("retail/inventory.csv")
ASOF = D.fromisoformat(inv[0]["as_of"])
pos = rd("retail/purchase_orders.csv")
price = {s: float(r["unit_price"]) for s, r in items.items()}
cost = {s: float(r["unit_cost"]) for s, r in items.items()}
sales = []
for r in rd("retail/sales.csv"):
    sales.append((r["date"], r["sku"], r["location_id"], int(r["units"])))
sales.sort()
sdates = [x[0] for x in sales]

def iso(d): return d.isoformat()
def per(a, b): return {"start": iso(a), "end": iso(b)}

def srows(a, b, skus=None, locs_=None, cats=None, brands=None):
    i, j = bisect.bisect_left(sdates, iso(a)), bisect.bisect_right(sdates, iso(b))
    for d_, s, l, u in sales[i:j]:
        if skus and s not in skus: continue
        if locs_ and l not in locs_: continue
        if cats and items[s]["category"] not in cats: continue
        if brands and items[s]["brand"] not in brands: continue
        yield d_, s, l, u

def units(a, b, **k): return sum(u for *_, u in srows(a, b, **k))
def rev(a, b, **k): return sum(u * price[s] for _, s, _, u in srows(a, b, **k))
def rank(a, b, key, measure, n=None, desc=True, **k):
    agg = defaultdict(float)
    for _, s, l, u in srows(a, b, **k):
        kk = {"sku": s, "loc": l, "cat": items[s]["category"], "brand": items[s]["brand"]}[key]
        agg[kk] += u * (price[s] if measure == "rev" else 1)
    order = sorted(agg, key=lambda x: ((-agg[x] if desc else agg[x]), x))
    return order[:n] if n else order

def month(y, m):
    a = D(y, m, 1); b = (D(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(1)); return a, b
def quarter(y, q): return D(y, 3 * q - 2, 1), month(y, 3 * q)[1]
Y = ASOF.year
LASTMONTH = month(2026, 5)
LASTQ = quarter(2026, 1)          # Q2 ends on the as-of date: not ended
LASTYEAR = (D(2025, 1, 1), D(2025, 12, 31))
THISYEAR = (D(2026, 1, 1), ASOF)
def lastndays(n): return ASOF - dt.timedelta(n), ASOF - dt.timedelta(1)
YEST = (ASOF - dt.timedelta(1),) * 2
THISWEEK = (ASOF - dt.timedelta(ASOF.weekday()), ASOF)
def yoy(a, b): return a.replace(year=a.year - 1), b.replace(year=b.year - 1)
def growth(x, y): return (x - y) / y

def on_hand(sku=None, loc=None, cats=None):
    return sum(int(r["on_hand"]) for r in inv if (not sku or r["sku"] == sku) and (not loc or r["location_id"] == loc)
               and (not cats or items[r["sku"]]["category"] in cats))
def open_po(sku=None, loc=None):
    return sum(int(p["quantity"]) for p in pos if p["status"] == "open" and (not sku or p["sku"] == sku) and (not loc or p["location_id"] == loc))
def stock_value(loc=None, cats=None, sku=None, retail=False):
    return sum(int(r["on_hand"]) * (price if retail else cost)[r["sku"]] for r in inv
               if (not loc or r["location_id"] == loc) and (not cats or items[r["sku"]]["category"] in cats) and (not sku or r["sku"] == sku))
def skus_at(loc): return sorted({r["sku"] for r in inv if r["location_id"] == loc})

# ---------------- funds ----------------
funds = {r["fund_code"]: r for r in rd("funds/funds.csv")}
nav = defaultdict(list)
for r in rd("funds/fund_nav.csv"):
    nav[r["fund_code"]].append((D.fromisoformat(r["date"]), float(r["adj_nav"])))
for v in nav.values(): v.sort()
FASOF = max(v[-1][0] for v in nav.values())
def active(c): return c not in nav or (FASOF - nav[c][-1][0]).days <= 30

def minus_years(d, k):
    try: return d.replace(year=d.year - k)
    except ValueError: return d.replace(year=d.year - k, day=28)

def window(c, w):
    s = nav[c]; Dd = s[-1][0]
    if w == "si": return s
    if w == "ytd":
        prev = [x for x in s if x[0].year < Dd.year]
        return s[len(prev) - 1:] if prev else None
    S = minus_years(Dd, w)
    idx = bisect.bisect_right([x[0] for x in s], S) - 1
    return s[idx:] if idx >= 0 else None

def metric(c, name):
    """name: return_3y, return_total_5y, volatility_1y, sharpe_3y, sortino_1y, max_drawdown_3y, calmar_3y, return_ytd,
    return_since_inception, return_total_since_inception, expense_ratio, aum"""
    f = funds[c]
    if name in ("expense_ratio", "aum", "risk_level"):
        return float(f[name]) if f[name] else None
    if c not in nav:
        return float(f[name]) if f.get(name) else None
    base, _, w = name.rpartition("_")
    wk = "si" if w == "inception" else ("ytd" if w == "ytd" else int(w[:-1]))
    if w == "inception": base = name[: -len("_since_inception")]
    ws = window(c, wk)
    if ws is None: return None
    d0, v0 = ws[0]; d1, v1 = ws[-1]
    rets = [ws[i][1] / ws[i - 1][1] - 1 for i in range(1, len(ws))]
    tot = v1 / v0 - 1
    ann = (v1 / v0) ** (365 / (d1 - d0).days) - 1 if (d1 - d0).days else None
    def vol():
        if len(rets) < 2: return None
        m = sum(rets) / len(rets); return math.sqrt(sum((r - m) ** 2 for r in rets) / (len(rets) - 1)) * math.sqrt(252)
    def mdd():
        pk, best = -1, 0.0
        for _, v in ws:
            pk = max(pk, v); best = max(best, 1 - v / pk)
        return best
    if base == "return_total" or name == "return_ytd": return tot
    if base == "return": return ann
    if base == "volatility": return vol()
    if base == "sharpe":
        v = vol(); return ann / v if v else None
    if base == "sortino":
        dn = math.sqrt(sum(min(r, 0) ** 2 for r in rets) / len(rets)) * math.sqrt(252); return ann / dn if dn else None
    if base == "max_drawdown": return mdd()
    if base == "calmar":
        m = mdd(); return ann / m if m else None
    raise KeyError(name)

def screen(pred, sort, desc, n=None):
    rows = []
    for c in sorted(funds):
        if not active(c) or not pred(funds[c], c): continue
        v = metric(c, sort)
        if v is None: continue
        rows.append((v, c))
    rows.sort(key=lambda x: ((-x[0] if desc else x[0]), x[1]))
    ids = [c for _, c in rows]
    return ids[:n] if n else ids

# ---------------- cases ----------------
cases = []
def E(status="answered", intent=None, value=None, ids=None, ordered=False, scope=None, no_value=False, status_any=None):
    e = {"status": status, "intent": intent}
    if status_any: e["status_any"] = status_any; e.pop("status")
    if value is not None: e["value"] = value; e["tol"] = 1e-9
    if ids is not None: e["ids"] = list(ids); e["ordered"] = ordered
    if scope: e["scope"] = scope
    if no_value: e["no_value"] = True
    return e
def case(tags, *turns):
    cases.append({"id": f"fresh-{len(cases)+1:03d}", "dataset": "sample", "lang": "en",
                  "tags": tags + (["multi"] if len(turns) > 1 else ["single"]),
                  "turns": [{"q": q, "expect": e} for q, e in turns]})
def sc(skus=None, locations=None, categories=None, period=None, horizon=None, funds_=None):
    s = {}
    if skus is not None: s["skus"] = skus
    if locations is not None: s["locations"] = locations
    if categories is not None: s["categories"] = categories
    if period is not None: s["period"] = per(*period)
    if horizon is not None: s["horizon_days"] = horizon
    if funds_ is not None: s["funds"] = funds_
    return s
SH = "sales_history"

# ---- sales_history: single turns ----
case(["sales"], ("Give me total units of Crunchy Panda Sunflower Seeds 200g sold in Shanghai last month.",
     E(intent=SH, value=units(*LASTMONTH, skus={"SKU-10042"}, locs_={"WH-SH"}), scope=sc(["SKU-10042"], ["WH-SH"], period=LASTMONTH))))
case(["sales", "terse"], ("Shanghai units May?",
     E(intent=SH, value=units(*month(2026, 5), locs_={"WH-SH"}), scope=sc(locations=["WH-SH"], period=month(2026, 5)))))
case(["sales"], ("Pull the Beverages revenue for Q1.",
     E(intent=SH, value=rev(*quarter(2026, 1), cats={"Beverages"}), scope=sc(categories=["Beverages"], period=quarter(2026, 1)))))
case(["sales", "abbrev"], ("total rev across all warehouses last yr",
     E(intent=SH, value=rev(*LASTYEAR), scope=sc(period=LASTYEAR))))
case(["sales", "ranking"], ("I need the top five SKUs by units sold so far this year.",
     E(intent=SH, ids=rank(*THISYEAR, "sku", "units", 5), ordered=True, scope=sc(period=THISYEAR))))
case(["sales", "ranking"], ("Rank our four warehouses by revenue for last quarter, highest first.",
     E(intent=SH, ids=rank(*LASTQ, "loc", "rev"), ordered=True, scope=sc(period=LASTQ))))
case(["sales", "abbrev"], ("avg daily units of Jade Spring Mineral Water 550ml in Guangzhou over the last 4 wks?",
     E(intent=SH, value=units(*lastndays(28), skus={"SKU-10056"}, locs_={"WH-GZ"}) / 28, scope=sc(["SKU-10056"], ["WH-GZ"], period=lastndays(28)))))
case(["sales", "yoy"], ("How did Snacks revenue in May compare with the same month a year earlier? Give me the YoY growth.",
     E(intent=SH, value=growth(rev(*month(2026, 5), cats={"Snacks"}), rev(*month(2025, 5), cats={"Snacks"})),
       scope=sc(categories=["Snacks"], period=month(2026, 5)))))
case(["sales", "difference"], ("How many more units of Red Lantern Cola 2L did Beijing sell than Shanghai in April?",
     E(intent=SH, value=units(*month(2026, 4), skus={"SKU-10053"}, locs_={"WH-BJ"}) - units(*month(2026, 4), skus={"SKU-10053"}, locs_={"WH-SH"}),
       scope=sc(["SKU-10053"], ["WH-BJ", "WH-SH"], period=month(2026, 4)))))
case(["sales", "share"], ("What share of last month's total units came from the Chengdu warehouse?",
     E(intent=SH, value=units(*LASTMONTH, locs_={"WH-CD"}) / units(*LASTMONTH), scope=sc(period=LASTMONTH))))
case(["sales", "ranking"], ("Top 3 categories by revenue in 2025",
     E(intent=SH, ids=rank(*LASTYEAR, "cat", "rev", 3), ordered=True, scope=sc(period=LASTYEAR))))
case(["sales", "named_month"], ("Units sold of SKU-10077 in September?",
     E(intent=SH, value=units(*month(2025, 9), skus={"SKU-10077"}), scope=sc(["SKU-10077"], period=month(2025, 9)))))
case(["sales"], ("Since March, how many Clean Wave Laundry Detergent 2kg have we shifted in Beijing?",
     E(intent=SH, value=units(D(2026, 3, 1), ASOF, skus={"SKU-10121"}, locs_={"WH-BJ"}), scope=sc(["SKU-10121"], ["WH-BJ"], period=(D(2026, 3, 1), ASOF)))))
case(["sales"], ("How many Tiny Steps Diapers Size M were sold yesterday across the whole network?",
     E(intent=SH, value=units(*YEST, skus={"SKU-10036"}), scope=sc(["SKU-10036"], period=YEST))))
case(["sales"], ("units sold this week in Guangzhou, all products",
     E(intent=SH, value=units(*THISWEEK, locs_={"WH-GZ"}), scope=sc(locations=["WH-GZ"], period=THISWEEK))))
case(["sales", "event"], ("How much revenue did we take on 618?",
     E(intent=SH, value=rev(D(2026, 6, 18), D(2026, 6, 18)), scope=sc(period=(D(2026, 6, 18), D(2026, 6, 18))))))
case(["sales", "event"], ("Double 11 units for the Snacks category, please",
     E(intent=SH, value=units(D(2025, 11, 11), D(2025, 11, 11), cats={"Snacks"}), scope=sc(categories=["Snacks"], period=(D(2025, 11, 11), D(2025, 11, 11))))))
case(["sales", "ranking", "number_words"], ("List the top seven SKUs by revenue in Beijing last month.",
     E(intent=SH, ids=rank(*LASTMONTH, "sku", "rev", 7, locs_={"WH-BJ"}), ordered=True, scope=sc(locations=["WH-BJ"], period=LASTMONTH))))
case(["sales", "ranking"], ("Which three brands brought in the most revenue this year?",
     E(intent=SH, ids=rank(*THISYEAR, "brand", "rev", 3), ordered=True, scope=sc(period=THISYEAR))))
case(["sales", "passive"], ("How many units were sold by the Guangzhou warehouse in the first quarter?",
     E(intent=SH, value=units(*quarter(2026, 1), locs_={"WH-GZ"}), scope=sc(locations=["WH-GZ"], period=quarter(2026, 1)))))
case(["sales", "verbose"], ("I'm putting together a deck for the ops meeting and I need the total units of Misty Peak Oolong Tea 1L that Shanghai sold during Q4, thanks.",
     E(intent=SH, value=units(*quarter(2025, 4), skus={"SKU-10142"}, locs_={"WH-SH"}), scope=sc(["SKU-10142"], ["WH-SH"], period=quarter(2025, 4)))))
case(["sales", "typo"], ("Golden Harvst Mixed Nuts Gift Box 750g units last month",
     E(intent=SH, value=units(*LASTMONTH, skus={"SKU-10116"}), scope=sc(["SKU-10116"], period=LASTMONTH))))
case(["sales", "partial_name"], ("Revenue of Bright Smile Whitening Toothpaste in Chengdu this year?",
     E(intent=SH, value=rev(*THISYEAR, skus={"SKU-10119"}, locs_={"WH-CD"}), scope=sc(["SKU-10119"], ["WH-CD"], period=THISYEAR))))
case(["sales", "terse", "order"], ("Last month, Chengdu, Household revenue?",
     E(intent=SH, value=rev(*LASTMONTH, locs_={"WH-CD"}, cats={"Household"}), scope=sc(locations=["WH-CD"], categories=["Household"], period=LASTMONTH))))
case(["sales"], ("Pet Supplies units over the last 30 days",
     E(intent=SH, value=units(*lastndays(30), cats={"Pet Supplies"}), scope=sc(categories=["Pet Supplies"], period=lastndays(30)))))
zero_bj = sum(1 for s in skus_at("WH-BJ") if units(*LASTMONTH, skus={s}, locs_={"WH-BJ"}) == 0)
case(["sales", "count"], ("How many SKUs had zero sales in Beijing last month?",
     E(intent=SH, value=zero_bj, scope=sc(locations=["WH-BJ"], period=LASTMONTH))))
case(["sales", "yoy", "abbrev"], ("Chengdu units, Q1 vs same qtr last yr - growth?",
     E(intent=SH, value=growth(units(*quarter(2026, 1), locs_={"WH-CD"}), units(*quarter(2025, 1), locs_={"WH-CD"})),
       scope=sc(locations=["WH-CD"], period=quarter(2026, 1)))))
case(["sales", "difference"], ("What's the revenue gap between Beijing and Shanghai for last month (Beijing minus Shanghai)?",
     E(intent=SH, value=rev(*LASTMONTH, locs_={"WH-BJ"}) - rev(*LASTMONTH, locs_={"WH-SH"}), scope=sc(locations=["WH-BJ", "WH-SH"], period=LASTMONTH))))
case(["sales", "compare"], ("Beijing vs Guangzhou units this year",
     E(intent=SH, ids=["WH-BJ", "WH-GZ"], no_value=True, scope=sc(locations=["WH-BJ", "WH-GZ"], period=THISYEAR))))
case(["sales", "share"], ("What percentage of this year's revenue came from Small Appliances?",
     E(intent=SH, value=rev(*THISYEAR, cats={"Small Appliances"}) / rev(*THISYEAR), scope=sc(period=THISYEAR))))
case(["sales", "number_words"], ("How many units of Happy Paws Cat Litter 10L did we sell over the past two weeks?",
     E(intent=SH, value=units(*lastndays(14), skus={"SKU-10149"}), scope=sc(["SKU-10149"], period=lastndays(14)))))
case(["sales"], ("Total units of SKU-10088 sold in 2024, all locations.",
     E(intent=SH, value=units(D(2024, 1, 1), D(2024, 12, 31), skus={"SKU-10088"}), scope=sc(["SKU-10088"], period=(D(2024, 1, 1), D(2024, 12, 31))))))
case(["sales", "british"], ("Could you tell me the turnover in revenue terms for the Kitchenware category in Shanghai over the last financial quarter - i.e. last quarter?",
     E(intent=SH, value=rev(*LASTQ, cats={"Kitchenware"}, locs_={"WH-SH"}), scope=sc(locations=["WH-SH"], categories=["Kitchenware"], period=LASTQ))))
case(["sales", "avg"], ("What were the average daily units of the Beverages category last month?",
     E(intent=SH, value=units(*LASTMONTH, cats={"Beverages"}) / 31, scope=sc(categories=["Beverages"], period=LASTMONTH))))

# ---- sales_history: multi-turn ----
case(["sales", "followup"],
     ("How many Zhilan Rice Cooker 4L did Guangzhou sell last month?", E(intent=SH, value=units(*LASTMONTH, skus={"SKU-10147"}, locs_={"WH-GZ"}), scope=sc(["SKU-10147"], ["WH-GZ"], period=LASTMONTH))),
     ("and Chengdu?", E(intent=SH, value=units(*LASTMONTH, skus={"SKU-10147"}, locs_={"WH-CD"}), scope=sc(["SKU-10147"], ["WH-CD"], period=LASTMONTH))),
     ("What about April?", E(intent=SH, value=units(*month(2026, 4), skus={"SKU-10147"}, locs_={"WH-CD"}), scope=sc(["SKU-10147"], ["WH-CD"], period=month(2026, 4)))))
case(["sales", "followup", "ranking"],
     ("Top 5 brands by revenue last quarter", E(intent=SH, ids=rank(*LASTQ, "brand", "rev", 5), ordered=True, scope=sc(period=LASTQ))),
     ("just the top 3", E(intent=SH, ids=rank(*LASTQ, "brand", "rev", 3), ordered=True, scope=sc(period=LASTQ))))
case(["sales", "followup", "yoy"],
     ("Revenue of Personal Care in Shanghai in March?", E(intent=SH, value=rev(*month(2026, 3), cats={"Personal Care"}, locs_={"WH-SH"}), scope=sc(locations=["WH-SH"], categories=["Personal Care"], period=month(2026, 3)))),
     ("And the same month last year?", E(intent=SH, value=rev(*month(2025, 3), cats={"Personal Care"}, locs_={"WH-SH"}), scope=sc(locations=["WH-SH"], categories=["Personal Care"], period=month(2025, 3)))))
case(["sales", "followup"],
     ("Network-wide units last week?", E(intent=SH, value=units(*lastndays(7)), scope=sc(period=lastndays(7)))),
     ("and Beijing alone?", E(intent=SH, value=units(*lastndays(7), locs_={"WH-BJ"}), scope=sc(locations=["WH-BJ"], period=lastndays(7)))))
case(["sales", "followup", "yoy"],
     ("Units of Loyal Friend Dog Food 10kg in Beijing in Q1", E(intent=SH, value=units(*quarter(2026, 1), skus={"SKU-10135"}, locs_={"WH-BJ"}), scope=sc(["SKU-10135"], ["WH-BJ"], period=quarter(2026, 1)))),
     ("YoY?", E(intent=SH, value=growth(units(*quarter(2026, 1), skus={"SKU-10135"}, locs_={"WH-BJ"}), units(*quarter(2025, 1), skus={"SKU-10135"}, locs_={"WH-BJ"})),
                scope=sc(["SKU-10135"], ["WH-BJ"], period=quarter(2026, 1)))))
case(["sales", "followup", "share"],
     ("pull me Snacks revenue YTD", E(intent=SH, value=rev(*THISYEAR, cats={"Snacks"}), scope=sc(categories=["Snacks"], period=THISYEAR))),
     ("as a share of total revenue?", E(intent=SH, value=rev(*THISYEAR, cats={"Snacks"}) / rev(*THISYEAR), scope=sc(period=THISYEAR))))
case(["sales", "followup", "clarify"],
     ("How many Air Fryer 5L did we sell in May?", E("clarify", SH)),
     ("the Zhilan one", E(intent=SH, value=units(*month(2026, 5), skus={"SKU-10026"}), scope=sc(["SKU-10026"], period=month(2026, 5)))))
case(["sales", "followup"],
     ("Which location sold the most Misty Peak Iced Coffee 270ml this year? Rank them all.", E(intent=SH, ids=rank(*THISYEAR, "loc", "units", skus={"SKU-10017"}), ordered=True, scope=sc(["SKU-10017"], period=THISYEAR))),
     ("Same ranking but by revenue for Household last year", E(intent=SH, ids=rank(*LASTYEAR, "loc", "rev", cats={"Household"}), ordered=True, scope=sc(categories=["Household"], period=LASTYEAR))))

case(["sales", "followup", "ranking"],
     ("Top 3 SKUs in Snacks by units last month", E(intent=SH, ids=rank(*LASTMONTH, "sku", "units", 3, cats={"Snacks"}), ordered=True, scope=sc(categories=["Snacks"], period=LASTMONTH))),
     ("what about Beverages?", E(intent=SH, ids=rank(*LASTMONTH, "sku", "units", 3, cats={"Beverages"}), ordered=True, scope=sc(categories=["Beverages"], period=LASTMONTH))))

# ---- inventory_status ----
IS = "inventory_status"
case(["inventory", "followup", "retail_price"],
     ("What's the stock value in Chengdu?", E(intent=IS, value=stock_value("WH-CD"), scope=sc(locations=["WH-CD"]))),
     ("and at retail prices?", E(intent=IS, value=stock_value("WH-CD", retail=True), scope=sc(locations=["WH-CD"]))))
case(["inventory"], ("How many Clean Wave Laundry Pods 40 pcs are on hand in Chengdu?",
     E(intent=IS, value=on_hand("SKU-10103", "WH-CD"), scope=sc(["SKU-10103"], ["WH-CD"]))))
case(["inventory", "abbrev"], ("inv position for SKU-10050 at WH-GZ",
     E(intent=IS, value=on_hand("SKU-10050", "WH-GZ") + open_po("SKU-10050", "WH-GZ"), scope=sc(["SKU-10050"], ["WH-GZ"]))))
# choose a SKU-location with open POs for an open-order question
po_pairs = sorted({(p["sku"], p["location_id"]) for p in pos if p["status"] == "open"})
po_sku, po_loc = next(x for x in po_pairs if x[0] == "SKU-10006") if any(x[0] == "SKU-10006" for x in po_pairs) else po_pairs[0]
case(["inventory"], (f"What quantity is on open purchase orders for {items[po_sku]['name']} at the {locs[po_loc]['city']} warehouse?",
     E(intent=IS, value=open_po(po_sku, po_loc), scope=sc([po_sku], [po_loc]))))
case(["inventory"], ("Stock value in Shanghai?", E(intent=IS, value=stock_value("WH-SH"), scope=sc(locations=["WH-SH"]))))
case(["inventory"], ("What's the total value of Kitchenware stock we're holding across the network, at cost?",
     E(intent=IS, value=stock_value(cats={"Kitchenware"}), scope=sc(categories=["Kitchenware"]))))
case(["inventory"], ("Total on-hand units of Beverages in Guangzhou", E(intent=IS, value=on_hand(loc="WH-GZ", cats={"Beverages"}), scope=sc(locations=["WH-GZ"], categories=["Beverages"]))))
oh_bj = sorted(((int(r["on_hand"]), r["sku"]) for r in inv if r["location_id"] == "WH-BJ"), key=lambda x: (-x[0], x[1]))
case(["inventory", "ranking"], ("Which 3 SKUs have the most units on hand in Beijing?",
     E(intent=IS, ids=[s for _, s in oh_bj[:3]], ordered=True, scope=sc(locations=["WH-BJ"]))))
case(["inventory", "count"], ("How many SKUs are carried at the Chengdu warehouse?", E(intent=IS, value=len(skus_at("WH-CD")), scope=sc(locations=["WH-CD"]))))
case(["inventory", "retail_price"], ("Value of Ocean Mist Body Wash 1L stock at retail price, all warehouses combined",
     E(intent=IS, value=stock_value(sku="SKU-10054", retail=True), scope=sc(["SKU-10054"]))))
case(["inventory", "followup"],
     ("on hand of Homely Air Fryer 5L in Beijing", E(intent=IS, value=on_hand("SKU-10106", "WH-BJ"), scope=sc(["SKU-10106"], ["WH-BJ"]))),
     ("and in Shanghai?", E(intent=IS, value=on_hand("SKU-10106", "WH-SH"), scope=sc(["SKU-10106"], ["WH-SH"]))),
     ("what's the inventory position there, counting open POs?", E(intent=IS, value=on_hand("SKU-10106", "WH-SH") + open_po("SKU-10106", "WH-SH"), scope=sc(["SKU-10106"], ["WH-SH"]))))
case(["inventory", "nondeterministic"], ("Days of cover for Sunny Orchard Orange Juice 1L in Shanghai?",
     E(intent=IS, scope=sc(["SKU-10039"], ["WH-SH"]))))
case(["inventory", "passive"], ("How much stock is held of Little Rabbit Milk Candy 500g, network-wide?",
     E(intent=IS, value=on_hand("SKU-10112"), scope=sc(["SKU-10112"]))))
case(["inventory", "followup"],
     ("Stock value of Pet Supplies in Guangzhou", E(intent=IS, value=stock_value("WH-GZ", cats={"Pet Supplies"}), scope=sc(locations=["WH-GZ"], categories=["Pet Supplies"]))),
     ("and for Baby & Mother?", E(intent=IS, value=stock_value("WH-GZ", cats={"Baby & Mother"}), scope=sc(locations=["WH-GZ"], categories=["Baby & Mother"]))))
case(["inventory"], ("Open PO quantity in total for the Beijing warehouse, overdue orders included",
     E(intent=IS, value=open_po(loc="WH-BJ"), scope=sc(locations=["WH-BJ"]))))

# ---- funds ----
FM, FS, FC = "fund_metric", "fund_screen", "fund_compare"
def fm(q, c, m, tags=()):
    v = metric(c, m)
    case(["funds"] + list(tags), (q, E(intent=FM, value=v, no_value=v is None, scope=sc(funds_=[c]))))
fm("What's the 3-yr annualised return of Silver Bay Treasury Select Bond?", "F0007", "return_3y", ["abbrev"])
fm("max drawdown over 1 year for F0012", "F0012", "max_drawdown_1y")
fm("Sharpe ratio over three years for Summit Peak Nasdaq 100", "F0012", "sharpe_3y", ["partial_name", "number_words"])
fm("Expense ratio of Jade Harbor SSE 50 Index?", "F0119", "expense_ratio")
fm("AUM of Yellow Sea Treasure Money Mkt", "F0172", "aum", ["abbrev"])
fm("5y annualised volatility, Golden Crane CSI 1000 Index", "F0132", "volatility_5y", ["terse"])
fm("How has Lotus Gate STAR 50 Index done year to date?", "F0175", "return_ytd")
fm("Give me the 1-year Sortino ratio for Red Maple Value Equity.", "F0163", "sortino_1y")
fm("Calmar ratio (3 years) of Jade Harbor CSI 300 Enhanced Index", "F0124", "calmar_3y")
fm("Total return over 5 years for Phoenix Rise Pure Bond?", "F0188", "return_total_5y")
fm("annualised return since inception for F0042", "F0042", "return_since_inception")
fm("What's the 3-year return of Yellow Sea Consumer Upgrade Equity?", "F0002", "return_3y", ["insufficient_history"])
fm("3y return of Silver Bay Blue Chip Equity", "F0068", "return_3y", ["no_nav"])
inactive = [c for c in sorted(nav) if not active(c)][0]
fm(f"What was the 1-year max drawdown of {funds[inactive]['name']}?", inactive, "max_drawdown_1y", ["inactive"])
fm("For the quarterly fund review: what annualised volatility has Orient Bridge Gold ETF Feeder shown over the last 3 years?", "F0074", "volatility_3y", ["verbose"])
case(["funds", "clarify"], ("Expense ratio of Blue River Advanced Manufacturing Equity?", E("clarify", FM)))
case(["funds", "nondeterministic"], ("Who manages the Orient Bridge Gold ETF Feeder fund?", E(intent=FM, scope=sc(funds_=["F0074"]))))

bond_cheap = lambda f, c: f["category"] == "bond" and f["risk_level"] and int(f["risk_level"]) <= 2 and float(f["expense_ratio"]) < 0.004
case(["funds", "screen"], ("Bond funds with risk level 2 or below and an expense ratio under 0.4%, sorted by 3-year Sharpe, top 5",
     E(intent=FS, ids=screen(bond_cheap, "sharpe_3y", True, 5), ordered=True)))
case(["funds", "screen"], ("List the money market funds by AUM, biggest first.",
     E(intent=FS, ids=screen(lambda f, c: f["category"] == "money_market", "aum", True), ordered=True)))
case(["funds", "screen", "british"], ("Show me the three cheapest index funds by fees.",
     E(intent=FS, ids=screen(lambda f, c: f["category"] == "index", "expense_ratio", False, 3), ordered=True)))
case(["funds", "screen"], ("equity funds managed by Tang Yifan",
     E(intent=FS, ids=screen(lambda f, c: f["category"] == "equity" and "Tang Yifan" in [m.strip() for m in f["manager"].split(",")], "expense_ratio", False))))
case(["funds", "screen"], ("Which QDII funds returned more than 10% over the past year?",
     E(intent=FS, ids=screen(lambda f, c: f["category"] == "qdii" and (metric(c, "return_1y") or -9) > 0.10, "return_1y", True))))
mixed = lambda f, c: f["category"] == "mixed"
mixed3 = lambda f, c: mixed(f, c) and (metric(c, "return_3y") or -9) > 0.0
case(["funds", "screen", "followup"],
     ("Mixed funds with a positive 3-year return, ranked by 3y Sharpe, top 10", E(intent=FS, ids=screen(mixed3, "sharpe_3y", True, 10), ordered=True)),
     ("only those with risk level 2 or lower", E(intent=FS, ids=screen(lambda f, c: mixed3(f, c) and int(f["risk_level"]) <= 2, "sharpe_3y", True, 10), ordered=True)))
eq = lambda f, c: f["category"] == "equity" and float(f["expense_ratio"]) < 0.015
case(["funds", "screen", "followup"],
     ("Equity funds with fees below 1.5%, best 1-year return first, top 8", E(intent=FS, ids=screen(eq, "return_1y", True, 8), ordered=True)),
     ("sort by 1y max drawdown instead", E(intent=FS, ids=screen(eq, "max_drawdown_1y", False, 8), ordered=True)),
     ("just the top 3", E(intent=FS, ids=screen(eq, "max_drawdown_1y", False, 3), ordered=True)))
case(["funds", "screen", "abbrev"], ("low-risk bond funds (risk 1) sorted by 1yr vol, lowest first",
     E(intent=FS, ids=screen(lambda f, c: f["category"] == "bond" and f["risk_level"] == "1", "volatility_1y", False), ordered=True)))
case(["funds", "compare"], ("Compare F0048 and F0056 on 1-year return and volatility",
     E(intent=FC, ids=["F0048", "F0056"], no_value=True, scope=sc(funds_=["F0048", "F0056"]))))
case(["funds", "compare", "abbrev"], ("Jade Harbor CSI 500 vs Phoenix Rise CSI 500 — 3y return, drawdown",
     E(intent=FC, ids=["F0154", "F0165"], no_value=True, scope=sc(funds_=["F0154", "F0165"]))))
case(["funds", "followup"],
     ("What's the 1-year return of Blue River Gold Select?", E(intent=FM, value=metric("F0144", "return_1y"), scope=sc(funds_=["F0144"]))),
     ("and its max drawdown over the same window?", E(intent=FM, value=metric("F0144", "max_drawdown_1y"), scope=sc(funds_=["F0144"]))),
     ("How does that compare with Summit Peak Gold Select?", E(intent=FC, ids=["F0144", "F0080"], no_value=True, scope=sc(funds_=["F0144", "F0080"]))))
case(["funds", "followup", "clarify"],
     ("1-year Sharpe of Phoenix Rise Flexible Allocation Mixed", E("clarify", FM)),
     ("the A class", E(intent=FM, value=metric("F0106", "sharpe_1y"), scope=sc(funds_=["F0106"]))))

# ---- calculate ----
CA = "calculate"
case(["calculate"], ("what's 17.5% of 2,480?", E(intent=CA, value=434)))
case(["calculate"], ("Work out the square root of 2 for me", E(intent=CA, value=math.sqrt(2))))
case(["calculate"], ("(1250 - 980) / 980 = ?", E(intent=CA, value=270 / 980)))
case(["calculate", "number_words"], ("What is two to the power of ten?", E(intent=CA, value=1024)))
case(["calculate"], ("calc 12 * 37 + 5", E(intent=CA, value=449)))
case(["calculate"], ("Divide 1 by 3.", E(intent=CA, value=1 / 3)))
case(["calculate", "followup"],
     ("What's 144 divided by 12?", E(intent=CA, value=12)),
     ("and multiplied by seven?", E(intent=CA, value=84)))
case(["calculate"], ("If a pallet holds 48 cases of 24 units, how many units on 15 pallets? i.e. 48*24*15", E(intent=CA, value=48 * 24 * 15)))

# ---- network (status/intent only) ----
NO, NW = "network_optimize", "network_what_if"
case(["network"], ("What does the cheapest plan to meet all store demand cost?", E(intent=NO)))
case(["network"], ("Which lanes carry flow in the optimal distribution plan?", E(intent=NO)))
case(["network"], ("What if we shut Central Packing?", E(intent=NW)))
case(["network"], ("Suppose demand at S03 rises by 20% - what's the new optimal cost?", E(intent=NW)))
case(["network"], ("what if Harbour Imports can only ship half as much", E(intent=NW)))
case(["network"], ("How would costs change if the Assam Estate to North Packing lane were no longer available?", E(intent=NW)))
case(["network", "followup"],
     ("Run the network optimisation and give me the total cost", E(intent=NO)),
     ("now what if every demand goes up by 10 units?", E(intent=NW)))

# ---- control tower (status/intent/scope only) ----
case(["nondeterministic", "forecast"], ("Projected units for Bright Smile Whitening Toothpaste 120g in Shanghai over the next three weeks",
     E(intent="forecast", scope=sc(["SKU-10119"], ["WH-SH"], horizon=21))))
case(["nondeterministic"], ("Which SKUs in Guangzhou are at risk of running out in the next 10 days?",
     E(intent="stockout_risk", scope=sc(locations=["WH-GZ"], horizon=10))))
case(["nondeterministic"], ("What should we reorder for Chengdu today?", E(intent="replenishment", scope=sc(locations=["WH-CD"]))))
case(["nondeterministic"], ("Safety stock for SKU-10019 at WH-BJ at a 97% service level?", E(intent="inventory_policy", scope=sc(["SKU-10019"], ["WH-BJ"]))))
case(["nondeterministic"], ("Which items in Shanghai are sitting on more than 120 days of cover?", E(intent="excess_stock", scope=sc(locations=["WH-SH"]))))
case(["nondeterministic"], ("How accurate have our Snacks forecasts been?", E(intent="forecast_accuracy", scope=sc(categories=["Snacks"]))))
case(["nondeterministic", "followup"],
     ("Forecast Jade Spring Green Tea 500ml demand in Beijing for the next 4 weeks", E(intent="forecast", scope=sc(["SKU-10127"], ["WH-BJ"], horizon=28))),
     ("and for Chengdu?", E(intent="forecast", scope=sc(["SKU-10127"], ["WH-CD"], horizon=28))))

# ---- clarify / error / unsupported / edge ----
case(["clarify"], ("How many Space Heater 2000W did Beijing sell last month?", E("clarify", SH)))
case(["bad_reference"], ("Units of SKU-99999 sold last month", E("error", SH)))
case(["bad_reference"], ("What were sales in Shenzhen last month?", E("error", SH)))
case(["edge"], ("Revenue on 2026-02-30?", E("error", SH)))
case(["out_of_scope"], ("Write me a short poem about logistics.", E("unsupported", None)))
case(["edge"], ("Forecast Chengdu units for the next 0 days", E("error", "forecast")))
case(["edge"], ("How many units did we sell in August 2026?", E(intent=SH, status_any=["answered", "error"], no_value=True)))
case(["edge"], ("Total units sold in 2022?", E(intent=SH, status_any=["answered", "error"], no_value=True)))
case(["bad_reference"], ("expense ratio of F9999", E("error", FM)))
case(["clarify"], ("On-hand quantity of Dog Food 2kg in Shanghai?", E("clarify", IS)))
case(["out_of_scope", "followup"],
     ("Top 3 SKUs by units in Shanghai last month", E(intent=SH, ids=rank(*LASTMONTH, "sku", "units", 3, locs_={"WH-SH"}), ordered=True, scope=sc(locations=["WH-SH"], period=LASTMONTH))),
     ("what's the weather in Shanghai tomorrow?", E("unsupported", None)),
     ("and for Beijing?", E(intent=SH, ids=rank(*LASTMONTH, "sku", "units", 3, locs_={"WH-BJ"}), ordered=True, scope=sc(locations=["WH-BJ"], period=LASTMONTH))))

with open(OUT, "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
from collections import Counter
ic = Counter(t["expect"].get("intent") for c in cases for t in c["turns"])
print(f"{len(cases)} cases, {sum(len(c['turns']) for c in cases)} turns, multi {sum(len(c['turns'])>1 for c in cases)}", file=sys.stderr)
print(dict(ic), file=sys.stderr)
