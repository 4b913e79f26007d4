#!/usr/bin/env python3
"""Writes questions.lua: a few hundred distinct /v1/ask bodies generated from the demo
dataset's own entities (items, locations, funds) with our own templates; nothing from
../shared/eval. Usage: questions.py DATA_DIR OUT_LUA [calc]"""
import csv, json, random, sys

data, out = sys.argv[1], sys.argv[2]
only_calc = len(sys.argv) > 3 and sys.argv[3] == "calc"  # the cheapest answers: the HTTP stack's ceiling
rng = random.Random(7)
items = list(csv.DictReader(open(f"{data}/retail/items.csv")))
locs = list(csv.DictReader(open(f"{data}/retail/locations.csv")))
funds = list(csv.DictReader(open(f"{data}/funds/funds.csv")))
periods = ["last month", "in the last 4 weeks", "this year", "last year", "in the last 90 days", "last week"]
measures = ["units", "revenue"]
qs = set()
def add(q):
    qs.add(q)
while len(qs) < 400:
    i, l, f = rng.choice(items), rng.choice(locs), rng.choice(funds)
    t = 6 if only_calc else rng.randrange(9)
    if t == 0: add(f"How many units of {i['name']} did {l['city']} sell {rng.choice(periods)}?")
    elif t == 1: add(f"What was the revenue of {i['sku']} at {l['location_id']} {rng.choice(periods)}?")
    elif t == 2: add(f"Top {rng.randint(2, 10)} SKUs by {rng.choice(measures)} in {l['city']} {rng.choice(periods)}")
    elif t == 3: add(f"How much {i['name']} is on hand in {l['city']}?")
    elif t == 4: add(f"What is the max drawdown of {f['fund_code']} over {rng.choice([1, 3, 5])} years?")
    elif t == 5: add(f"What is the expense ratio of {f['name']}?")
    elif t == 6: add(f"What is {rng.randint(2, 999)} * {rng.randint(2, 999)} + {rng.randint(1, 99)}?")
    elif t == 7: add(f"Top {rng.randint(2, 8)} categories by {rng.choice(measures)} {rng.choice(periods)}")
    else: add(f"List {rng.choice(['bond', 'equity', 'mixed', 'money market'])} funds with a 3-year Sharpe ratio above {rng.choice([0.5, 1, 1.5])}, top {rng.randint(3, 10)} by Sharpe")
qs = sorted(qs)
rng.shuffle(qs)
with open(out, "w") as fh:
    fh.write("bodies = {\n")
    for q in qs:
        fh.write("  " + json.dumps(json.dumps({"question": q})) + ",\n")
    fh.write("}\n")
with open(out.rsplit(".", 1)[0] + ".txt", "w") as fh:
    fh.write("\n".join(qs) + "\n")
print(len(qs))
