#!/usr/bin/env python3
"""Paraphrases the rule stage misses, to measure what the model stages add (stdlib only).
Written by hand for this purpose (none taken from ../shared/eval); every expected figure is
computed here from the raw CSVs of the sample dataset, independently of Abacus.
Usage: python3 make_paraphrases.py [DATA_DIR]  → writes paraphrases.jsonl next to this script."""
import csv, datetime as dt, json, os, sys
from collections import defaultdict

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/sample"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "paraphrases.jsonl")
D = dt.date
rd = lambda p: list(csv.DictReader(open(os.path.join(DATA, p), newline="", encoding="utf-8-sig")))
items = {r["sku"]: r for r in rd("retail/items.csv")}
inv = rd("retail/inventory.csv")
price = {s: float(r["unit_price"]) for s, r in items.items()}
sales = [(r["date"], r["sku"], r["location_id"], int(r["units"])) for r in rd("retail/sales.csv")]
CITY = {"Beijing": "WH-BJ", "Shanghai": "WH-SH", "Guangzhou": "WH-GZ", "Chengdu": "WH-CD"}
NAME = {r["name"]: s for s, r in items.items()}


def period(p):
    return {"May": (D(2026, 5, 1), D(2026, 5, 31)), "last month": (D(2026, 5, 1), D(2026, 5, 31)),
            "April": (D(2026, 4, 1), D(2026, 4, 30)), "March": (D(2026, 3, 1), D(2026, 3, 31)),
            "Q1": (D(2026, 1, 1), D(2026, 3, 31))}[p]


def agg(measure, per, sku=None, loc=None, cat=None):
    a, b = period(per)
    tot = 0.0
    for d_, s, l, u in sales:
        if not (a.isoformat() <= d_ <= b.isoformat()): continue
        if sku and s != sku: continue
        if loc and l != loc: continue
        if cat and items[s]["category"] != cat: continue
        tot += u * (price[s] if measure == "rev" else 1)
    return tot


def on_hand(sku=None, loc=None, cat=None):
    return sum(int(r["on_hand"]) for r in inv if (not sku or r["sku"] == sku) and (not loc or r["location_id"] == loc)
               and (not cat or items[r["sku"]]["category"] == cat))


def scope(sku=None, loc=None, cat=None, per=None):
    s = {}
    if sku: s["skus"] = [sku]
    if loc: s["locations"] = [loc]
    if cat: s["categories"] = [cat]
    if per:
        a, b = period(per)
        s["period"] = {"start": a.isoformat(), "end": b.isoformat()}
    return s


cases = []


def add(tags, q, expect):
    cases.append({"id": f"para-{len(cases) + 1:03d}", "dataset": "sample", "lang": "en", "tags": tags,
                  "turns": [{"q": q, "expect": expect}]})


def sales_case(q, measure, per, sku=None, city=None, cat=None):
    loc = CITY.get(city)
    sku = NAME.get(sku, sku)
    add(["sales", measure], q, {"status": "answered", "intent": "sales_history",
                                "value": agg(measure, per, sku, loc, cat), "tol": 1e-6,
                                "scope": scope(sku, loc, cat, per)})


def stock_case(q, sku=None, city=None, cat=None):
    loc = CITY.get(city)
    sku = NAME.get(sku, sku)
    stocked = any((not sku or r["sku"] == sku) and (not loc or r["location_id"] == loc)
                  and (not cat or items[r["sku"]]["category"] == cat) for r in inv)
    # A product with no inventory record at a location has no on-hand figure: no number.
    figure = {"value": on_hand(sku, loc, cat), "tol": 1e-9} if stocked else {"no_value": True}
    add(["stock"], q, {"status": "answered", "intent": "inventory_status", **figure,
                       "scope": scope(sku, loc, cat)})


def refuse(q):
    add(["out_of_scope"], q, {"status_any": ["unsupported", "clarify", "error"], "intent": None})


# Units, in words the rules do not read as sales.
sales_case("What did the Snacks category move in Shanghai in May?", "units", "May", city="Shanghai", cat="Snacks")
sales_case("What did Household move in Guangzhou last month?", "units", "last month", city="Guangzhou", cat="Household")
sales_case("What did Little Rabbit Rice Crackers 400g move in Beijing in April?", "units", "April",
           sku="Little Rabbit Rice Crackers 400g", city="Beijing")
sales_case("How many Jade Spring Green Tea Value Pack went to customers in Shanghai in May?", "units", "May",
           sku="Jade Spring Green Tea Value Pack", city="Shanghai")
# Revenue, in words the rules do not read as revenue.
sales_case("How much did the Guangzhou warehouse take in last month?", "rev", "last month", city="Guangzhou")
sales_case("What was the takings for Beverages in Q1?", "rev", "Q1", cat="Beverages")
sales_case("What were the Snacks takings in Beijing in Q1?", "rev", "Q1", city="Beijing", cat="Snacks")
sales_case("What did Baby & Mother gross in Shanghai in May?", "rev", "May", city="Shanghai", cat="Baby & Mother")
sales_case("How much cash did the Shanghai warehouse generate in April?", "rev", "April", city="Shanghai")
sales_case("What did the Beijing warehouse take in during May?", "rev", "May", city="Beijing")
sales_case("How much did Snacks take in last month?", "rev", "last month", cat="Snacks")
sales_case("What were the takings of the Chengdu warehouse in March?", "rev", "March", city="Chengdu")
sales_case("What did Beverages gross last month?", "rev", "last month", cat="Beverages")
sales_case("How much did Personal Care gross in Q1?", "rev", "Q1", cat="Personal Care")
sales_case("How much cash did Kitchenware generate last month?", "rev", "last month", cat="Kitchenware")
sales_case("What did Small Appliances pull in last month?", "rev", "last month", cat="Small Appliances")
sales_case("How much did Pet Supplies rake in in Q1?", "rev", "Q1", cat="Pet Supplies")
sales_case("How much did the Shanghai warehouse bring in during Q1?", "rev", "Q1", city="Shanghai")
sales_case("What is the Snacks take for Q1?", "rev", "Q1", cat="Snacks")
# Stock on hand, in words the rules do not read as stock.
stock_case("How much Jade Spring Green Tea Value Pack is sitting in the Beijing warehouse?",
           sku="Jade Spring Green Tea Value Pack", city="Beijing")
stock_case("What quantity of Misty Peak Jasmine Tea Value Pack do we hold in Shanghai?",
           sku="Misty Peak Jasmine Tea Value Pack", city="Shanghai")
stock_case("How much Personal Care merchandise is lying in Guangzhou?", city="Guangzhou", cat="Personal Care")
stock_case("How many Little Rabbit Rice Crackers 400g are physically in Chengdu right now?",
           sku="Little Rabbit Rice Crackers 400g", city="Chengdu")
stock_case("How many Steel Edge Deodorant 50ml are left on the shelves in Beijing?",
           sku="Steel Edge Deodorant 50ml", city="Beijing")
stock_case("What's our holding of Beverages in Chengdu?", city="Chengdu", cat="Beverages")
stock_case("How many Misty Peak Jasmine Tea Value Pack are sitting in Chengdu?",
           sku="Misty Peak Jasmine Tea Value Pack", city="Chengdu")
stock_case("How much Snacks stuff is sitting in the Shanghai warehouse?", city="Shanghai", cat="Snacks")
stock_case("What do we hold of Household in Beijing?", city="Beijing", cat="Household")
stock_case("How many Jade Spring Green Tea Value Pack are lying around in Guangzhou?",
           sku="Jade Spring Green Tea Value Pack", city="Guangzhou")
stock_case("How many Steel Edge Deodorant 50ml have we got left in Shanghai?",
           sku="Steel Edge Deodorant 50ml", city="Shanghai")
stock_case("What's the holding of Snacks in Shanghai?", city="Shanghai", cat="Snacks")
stock_case("How many Little Rabbit Rice Crackers 400g remain in Beijing?",
           sku="Little Rabbit Rice Crackers 400g", city="Beijing")
stock_case("What remains of Beverages in Guangzhou?", city="Guangzhou", cat="Beverages")
stock_case("Tell me the Snacks count on the shelves in Chengdu.", city="Chengdu", cat="Snacks")
stock_case("What have we got of Pet Supplies in Chengdu?", city="Chengdu", cat="Pet Supplies")
# Out of scope: the model stages must not turn these into figures.
for q in ["Write me a poem about the Beijing warehouse.",
          "What's the weather going to be in Shanghai next week?",
          "Book a truck to Chengdu for tomorrow.",
          "Delete all Snacks records from last month.",
          "Send an email to the Guangzhou warehouse manager.",
          "Tell me a joke about Snacks.",
          "Fire the Chengdu warehouse manager.",
          "Draw me a picture of a warehouse."]:
    refuse(q)

with open(OUT, "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
print(f"wrote {len(cases)} cases to {OUT}", file=sys.stderr)
