"""Independent recomputation of `abacus plan --model weekday-mean --json` from the raw CSV.

Reads retail/*.csv of DATA with the standard library only, recomputes every plan
line's policy figures (weekday-mean forecast, one-step σ, lead-time demand,
safety stock, reorder point, EOQ, position, order quantity and arrival, days of
cover, expected stock-out date) and compares them with the JSON plan.
Usage: python check_plan.py DATA_DIR PLAN_JSON
"""
import csv, datetime as dt, json, math, sys
from collections import defaultdict
from statistics import NormalDist

data, plan_path = sys.argv[1], sys.argv[2]
rd = lambda f: list(csv.DictReader(open(f"{data}/retail/{f}", encoding="utf-8-sig")))
D = dt.date.fromisoformat
items = {r["sku"]: r for r in rd("items.csv")}
sup = {r["supplier_id"]: r for r in rd("suppliers.csv")}
inv = rd("inventory.csv")
as_of = D(inv[0]["as_of"])
sales = rd("sales.csv")
start = min(D(r["date"]) for r in sales)
n = (as_of - start).days
hist = defaultdict(lambda: [0.0] * n)
for r in sales:
    d = D(r["date"])
    if d < as_of:
        hist[(r["sku"], r["location_id"])][(d - start).days] += float(r["units"])
pos = defaultdict(list)
for r in rd("purchase_orders.csv"):
    if r["status"] == "open":
        pos[(r["sku"], r["location_id"])].append((D(r["expected_date"]), float(r["quantity"])))


def weekday_mean(y, h):
    m = len(y)
    recent = y[max(0, m - 56):]
    level = sum(recent) / len(recent)
    year = y[max(0, m - 364):]
    f = [1.0] * 7
    if len(year) >= 14 and sum(year) > 0:
        k = len(year)
        mean_all = sum(year) / k
        for c in range(7):
            vals = [year[i] for i in range(k) if (i - k) % 7 == c]
            f[c] = (sum(vals) / len(vals)) / mean_all
    return [level * f[j % 7] for j in range(h)]


def sd(v):
    m = sum(v) / len(v)
    return math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1))


plan = {(l["sku"], l["location"]): l for l in json.load(open(plan_path))["lines"]}
worst, checked, mismatches = 0.0, 0, []
for r in inv:
    key = (r["sku"], r["location_id"])
    if key not in plan:
        continue
    it, y = items[r["sku"]], hist[key]
    s = sup[it["supplier_id"]]
    L, sL = float(s["lead_time_days"]), float(s["lead_time_std_days"])
    fc = weekday_mean(y, max(math.ceil(L), 28))
    errs = [y[t] - weekday_mean(y[:t], 1)[0] for t in range(max(1, n - 90), n)]
    sigma = sd(errs) if len(errs) >= 10 else sd(y)
    mu = sum(fc[: math.ceil(L)]) / math.ceil(L)
    ltd_sd = math.sqrt(L * sigma**2 + mu**2 * sL**2)
    z = NormalDist().inv_cdf(float(it["service_level"]))
    rop = mu * L + z * ltd_sd
    eoq = math.sqrt(2 * 365 * mu * float(it["order_cost"]) / (float(it["holding_cost_rate"]) * float(it["unit_cost"])))
    on_hand = float(r["on_hand"])
    ip = on_hand + sum(q for _, q in pos[key])
    qty = None
    if ip <= rop:
        need_q = max(eoq, rop - ip + 1, float(it["moq"]))
        pack = int(it["pack_size"])
        qty = max(1, math.ceil(need_q / pack - 1e-9)) * pack
    d28 = sum(fc[:28]) / 28
    cover = on_hand / d28 if d28 > 0 else None
    arr = [(max(0, (e - as_of).days), q) for e, q in pos[key]]
    out, cum, sup_ = None, 0.0, on_hand
    for day, f in enumerate(fc):
        cum += f
        sup_ += sum(q for d, q in arr if d == day)
        if cum > sup_ + 1e-9:
            out = (as_of + dt.timedelta(days=day)).isoformat()
            break
    l = plan[key]
    pairs = [("mu", mu, l["mu"]), ("sigma", sigma, l["sigma"]), ("z", z, l["z"]), ("ltd_sd", ltd_sd, l["lead_time_demand_sd"]),
             ("reorder_point", rop, l["reorder_point"]), ("eoq", eoq, l["eoq"]), ("position", ip, l["inventory_position"])]
    if cover is not None:
        pairs.append(("days_of_cover", cover, l["days_of_cover"]))
    for name, a, b in pairs:
        rel = abs(a - b) / max(abs(a), 1e-9)
        worst = max(worst, rel)
        if rel > 1e-9:
            mismatches.append((key, name, a, b))
    got_qty = l["order"]["qty"] if l["order"] else None
    if got_qty != qty:
        mismatches.append((key, "order qty", qty, got_qty))
    if l["order"] and l["order"]["arrival"] != (as_of + dt.timedelta(days=round(L))).isoformat():
        mismatches.append((key, "arrival", l["order"]["arrival"], None))
    if l["stockout_date"] != out:
        mismatches.append((key, "stockout date", out, l["stockout_date"]))
    checked += 1
print(f"checked {checked} plan lines against the raw CSV: worst relative difference {worst:.2e}; mismatches {len(mismatches)}")
for m in mismatches[:20]:
    print("  ", m)
sys.exit(1 if mismatches else 0)
