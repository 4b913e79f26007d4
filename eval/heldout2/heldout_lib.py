"""Independent reference computations for the held-out question set.

Python 3 standard library only.  Every figure follows shared/spec/metrics.md and data.md, computed
straight from the canonical CSVs; nothing here imports or imitates the product.
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import math
import os
import re
from collections import defaultdict
from fractions import Fraction

D = dt.date


def iso(d):
    return d.isoformat()


def parse(s):
    return dt.date.fromisoformat(s)


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


# --------------------------------------------------------------------------------------------
# Retail
# --------------------------------------------------------------------------------------------
class Retail:
    def __init__(self, root):
        r = os.path.join(root, "retail")
        self.items = {x["sku"]: x for x in read(os.path.join(r, "items.csv"))}
        self.locations = {x["location_id"]: x for x in read(os.path.join(r, "locations.csv"))}
        self.suppliers = {x["supplier_id"]: x for x in read(os.path.join(r, "suppliers.csv"))}
        inv = read(os.path.join(r, "inventory.csv"))
        self.on_hand = {(x["sku"], x["location_id"]): int(x["on_hand"]) for x in inv}
        asofs = {x["as_of"] for x in inv}
        assert len(asofs) == 1, asofs
        self.asof = parse(asofs.pop())
        self.pos = read(os.path.join(r, "purchase_orders.csv"))
        # daily units per (sku, loc): dict date -> units
        self.sales = defaultdict(dict)
        self.first_sale = None
        for x in read(os.path.join(r, "sales.csv")):
            d = parse(x["date"])
            if d >= self.asof:  # data.md: sales after the as-of date do not exist
                continue
            self.sales[(x["sku"], x["location_id"])][d] = int(x["units"])
            if self.first_sale is None or d < self.first_sale:
                self.first_sale = d
        self.price = {s: Fraction(x["unit_price"]) for s, x in self.items.items()}
        self.cost = {s: Fraction(x["unit_cost"]) for s, x in self.items.items()}

    # ---- periods (data.md "Date words") ----
    def last_n_days(self, n):
        end = self.asof - dt.timedelta(days=1)
        return end - dt.timedelta(days=n - 1), end

    def this_year(self):
        return D(self.asof.year, 1, 1), self.asof

    def since_month(self, m):
        return D(self.asof.year, m, 1), self.asof

    def month(self, m, year=None):
        """A month named without a year: the one in the as-of year if it has ended, else the year before."""
        if year is None:
            year = self.asof.year
            if month_end(year, m) >= self.asof:
                year -= 1
        return D(year, m, 1), month_end(year, m)

    def last_month(self):
        first = D(self.asof.year, self.asof.month, 1)
        end = first - dt.timedelta(days=1)
        return D(end.year, end.month, 1), end

    def quarter(self, q, year=None):
        if year is None:
            year = self.asof.year
            if month_end(year, 3 * q) >= self.asof:
                year -= 1
        return D(year, 3 * q - 2, 1), month_end(year, 3 * q)

    def last_quarter(self):
        q = (self.asof.month - 1) // 3 + 1
        y = self.asof.year
        q -= 1
        if q == 0:
            q, y = 4, y - 1
        return self.quarter(q, y)

    def this_week(self):
        return self.asof - dt.timedelta(days=self.asof.weekday()), self.asof

    def yesterday(self):
        d = self.asof - dt.timedelta(days=1)
        return d, d

    # ---- selections ----
    def skus_where(self, skus=None, category=None, brand=None):
        out = []
        for s, x in self.items.items():
            if skus is not None and s not in skus:
                continue
            if category is not None and x["category"] != category:
                continue
            if brand is not None and x["brand"] != brand:
                continue
            out.append(s)
        return out

    def units(self, period, skus=None, locs=None, category=None, brand=None):
        a, b = period
        sel = set(self.skus_where(skus, category, brand))
        tot = 0
        for (s, l), series in self.sales.items():
            if s not in sel or (locs is not None and l not in locs):
                continue
            for d, u in series.items():
                if a <= d <= b:
                    tot += u
        return tot

    def revenue(self, period, skus=None, locs=None, category=None, brand=None):
        a, b = period
        sel = set(self.skus_where(skus, category, brand))
        tot = Fraction(0)
        for (s, l), series in self.sales.items():
            if s not in sel or (locs is not None and l not in locs):
                continue
            n = sum(u for d, u in series.items() if a <= d <= b)
            tot += n * self.price[s]
        return tot

    def rank(self, key, period, measure, n=None, locs=None, category=None, brand=None, skus=None):
        """Rank SKUs / locations / categories / brands by units or revenue; higher first, ties by id."""
        a, b = period
        sel = set(self.skus_where(skus, category, brand))
        agg = defaultdict(Fraction)
        for (s, l), series in self.sales.items():
            if s not in sel or (locs is not None and l not in locs):
                continue
            u = sum(v for d, v in series.items() if a <= d <= b)
            val = u if measure == "units" else u * self.price[s]
            k = {"sku": s, "location": l, "category": self.items[s]["category"],
                 "brand": self.items[s]["brand"]}[key]
            agg[k] += val
        ranked = sorted(agg.items(), key=lambda kv: (-kv[1], kv[0]))
        if n is not None:
            # the order must not depend on a tie inside the top n or at the cut
            vals = [v for _, v in ranked[: n + 1]]
            assert len(set(vals)) == len(vals), f"tie in ranking {ranked[:n + 1]}"
            ranked = ranked[:n]
        else:
            vals = [v for _, v in ranked]
            assert len(set(vals)) == len(vals), f"tie in ranking {ranked}"
        return [k for k, _ in ranked], ranked

    def open_po(self, sku=None, loc=None):
        return sum(int(p["quantity"]) for p in self.pos if p["status"] == "open"
                   and (sku is None or p["sku"] == sku) and (loc is None or p["location_id"] == loc))

    def stock_value(self, locs=None, category=None, at="cost", skus=None):
        tot = Fraction(0)
        for (s, l), q in self.on_hand.items():
            if locs is not None and l not in locs:
                continue
            if category is not None and self.items[s]["category"] != category:
                continue
            if skus is not None and s not in skus:
                continue
            tot += q * (self.cost[s] if at == "cost" else self.price[s])
        return tot

    def skus_at(self, loc):
        return sorted(s for (s, l) in self.on_hand if l == loc)


def month_end(y, m):
    if m == 12:
        return D(y, 12, 31)
    return D(y, m + 1, 1) - dt.timedelta(days=1)


def words(s):
    return re.findall(r"[a-z0-9.&-]+", s.lower())


def match_names(names, description):
    """Ids whose name contains every word of the description (whole words, case-insensitive)."""
    want = words(description)
    out = []
    for k, name in names.items():
        have = words(name)
        if all(w in have for w in want):
            out.append(k)
    return sorted(out)


# --------------------------------------------------------------------------------------------
# Funds (metrics.md "Funds")
# --------------------------------------------------------------------------------------------
class Funds:
    def __init__(self, root):
        f = os.path.join(root, "funds")
        self.funds = {x["fund_code"]: x for x in read(os.path.join(f, "funds.csv"))}
        nav = defaultdict(list)
        for x in read(os.path.join(f, "fund_nav.csv")):
            nav[x["fund_code"]].append((parse(x["date"]), float(x["adj_nav"])))
        self.nav = {k: sorted(v) for k, v in nav.items()}
        self.asof = max(v[-1][0] for v in self.nav.values())
        self.rf = 0.0

    def active(self, code):
        s = self.nav.get(code)
        if not s:
            return True  # no NAV history: not known to be inactive
        return (self.asof - s[-1][0]).days <= 30

    def window(self, code, kind):
        """(start_index, end_index) into the fund's NAV rows, or None for not enough history."""
        s = self.nav[code]
        dates = [d for d, _ in s]
        end = len(s) - 1
        last = dates[end]
        if kind == "since_inception":
            return 0, end
        if kind == "ytd":
            i = bisect.bisect_left(dates, D(last.year, 1, 1)) - 1
            return (i, end) if i >= 0 else None
        k = int(kind)
        y, m, d = last.year - k, last.month, last.day
        if m == 2 and d == 29:
            d = 28
        start = D(y, m, d)
        i = bisect.bisect_right(dates, start) - 1
        if i < 0:
            return None
        return i, end

    def metric(self, code, name):
        """metrics.md; None when undefined (not enough history, zero denominator)."""
        if code not in self.nav:
            v = self.funds[code].get(name, "")
            if name == "expense_ratio" or name == "aum":
                v = self.funds[code][name]
            return float(v) if v not in ("", None) else None
        if name in ("expense_ratio", "aum", "risk_level"):
            v = self.funds[code][name]
            return float(v) if v != "" else None
        m = re.fullmatch(r"(return_total|return|volatility|sharpe|sortino|max_drawdown|calmar)_(\w+?)(y)?", name)
        assert m, name
        base, kind = m.group(1), m.group(2)
        if kind == "since_inception" and base == "return_total":
            pass
        w = self.window(code, kind)
        if w is None:
            return None
        i, j = w
        rows = self.nav[code][i: j + 1]
        d0, v0 = rows[0]
        d1, v1 = rows[-1]
        days = (d1 - d0).days
        if base == "return_total" or (base == "return" and kind == "ytd"):
            return v1 / v0 - 1
        ann = (v1 / v0) ** (365 / days) - 1 if days > 0 else None
        if base == "return":
            return ann
        rets = [rows[t][1] / rows[t - 1][1] - 1 for t in range(1, len(rows))]
        if base in ("volatility", "sharpe"):
            if len(rets) < 2:
                return None
            mu = sum(rets) / len(rets)
            var = sum((r - mu) ** 2 for r in rets) / (len(rets) - 1)
            vol = math.sqrt(var) * math.sqrt(252)
            if base == "volatility":
                return vol
            return (ann - self.rf) / vol if vol > 0 else None
        if base == "sortino":
            if not rets:
                return None
            down = math.sqrt(sum(min(r, 0.0) ** 2 for r in rets) / len(rets)) * math.sqrt(252)
            return (ann - self.rf) / down if down > 0 else None
        peak = -math.inf
        mdd = 0.0
        for _, v in rows:
            peak = max(peak, v)
            mdd = max(mdd, 1 - v / peak)
        if base == "max_drawdown":
            return mdd
        if base == "calmar":
            return ann / mdd if mdd > 0 else None
        raise AssertionError(name)

    def screen(self, category=None, filters=(), sort=None, descending=True, limit=None, where=None):
        """filters: [(metric, op, threshold)]; funds lacking a filtered/sorted value are left out;
        inactive funds are left out; ties in the sort broken by fund code."""
        out = []
        for code, x in self.funds.items():
            if not self.active(code):
                continue
            if category is not None and x["category"] != category:
                continue
            if where is not None and not where(x):
                continue
            ok = True
            for name, op, thr in filters:
                v = self.metric(code, name)
                if v is None or not {"<": v < thr, "<=": v <= thr, ">": v > thr, ">=": v >= thr}[op]:
                    ok = False
                    break
            if not ok:
                continue
            sv = None
            if sort is not None:
                sv = self.metric(code, sort)
                if sv is None:
                    continue
            out.append((code, sv))
        if sort is not None:
            out.sort(key=lambda t: ((-t[1] if descending else t[1]), t[0]))
            vals = [v for _, v in out[: (limit + 1 if limit else len(out))]]
            assert len(set(vals)) == len(vals), "tie in screen sort"
        else:
            out.sort()
        if limit:
            out = out[:limit]
        return [c for c, _ in out]


# --------------------------------------------------------------------------------------------
# Network (data.md section 2): exact rational simplex + branch and bound over facility choices
# --------------------------------------------------------------------------------------------
class Network:
    def __init__(self, root):
        n = os.path.join(root, "network")
        self.nodes = {x["node_id"]: x for x in read(os.path.join(n, "nodes.csv"))}
        self.lanes = read(os.path.join(n, "lanes.csv"))
        self.demand = {(x["node_id"], x["product"]): Fraction(x["quantity"]) for x in read(os.path.join(n, "demand.csv"))}
        p = os.path.join(n, "supply.csv")
        self.supply = {(x["node_id"], x["product"]): Fraction(x["quantity"]) for x in read(p)} if os.path.exists(p) else {}
        p = os.path.join(n, "processing.csv")
        self.processing = [(x["node_id"], x["input"], x["output"], Fraction(x["unit_cost"])) for x in read(p)] if os.path.exists(p) else []
        p = os.path.join(n, "settings.csv")
        self.settings = {x["key"]: x["value"] for x in read(p)} if os.path.exists(p) else {}
        assert self.settings.get("integer_flows", "true") == "true"
        assert self.settings.get("demand", "at_least") == "at_least"
        assert self.settings.get("supply", "at_most") == "at_most"

    def baseline(self):
        """A mutable model: lane costs per (from, to, product), lane capacity, node data."""
        products = sorted({p for (_, p) in self.demand} | {i for (_, i, _, _) in self.processing}
                          | {o for (_, _, o, _) in self.processing} | {x["product"] for x in self.lanes if x["product"]})
        lanes = {}
        cap = {}
        generic = {}
        for x in self.lanes:
            key = (x["from"], x["to"])
            if x["capacity"]:
                cap[key] = Fraction(x["capacity"])
            if not x["product"]:
                generic[key] = Fraction(x["unit_cost"])
        for x in self.lanes:
            key = (x["from"], x["to"])
            if x["product"]:
                lanes[(key[0], key[1], x["product"])] = Fraction(x["unit_cost"])
        for key, c in generic.items():
            for p in products:
                lanes.setdefault((key[0], key[1], p), c)
        m = dict(
            products=products,
            lanes=lanes,
            lane_cap=cap,
            min_flow={},
            demand=dict(self.demand),
            node_cap={k: Fraction(v["capacity"]) for k, v in self.nodes.items() if v["capacity"]},
            supply=dict(self.supply),
            fixed={k: Fraction(v["fixed_cost"]) for k, v in self.nodes.items() if v["fixed_cost"]},
            forced_open=set(),
            forced_closed=set(),
            kind={k: v["kind"] for k, v in self.nodes.items()},
        )
        return m

    def solve(self, m):
        """Optimal cost (Fraction) or None when no plan meets all demand."""
        facilities = [k for k, v in m["kind"].items() if v == "facility"]
        choose = [f for f in facilities if f in m["fixed"] and f not in m["forced_open"] and f not in m["forced_closed"]]
        best = None
        for mask in range(1 << len(choose)):
            open_ = {f for f in facilities if f not in m["forced_closed"]}
            for i, f in enumerate(choose):
                if not (mask >> i) & 1:
                    open_.discard(f)
            fixed = sum((m["fixed"].get(f, 0) for f in open_), Fraction(0))
            c = self._milp(m, open_)
            if c is not None and (best is None or c + fixed < best):
                best = c + fixed
        return best

    def _milp(self, m, open_):
        """Min lane + processing cost with integer flows (branch and bound over the exact LP)."""
        stack = [dict()]
        best = None
        while stack:
            bounds = stack.pop()
            res = self._lp(m, open_, bounds)
            if res is None:
                continue
            val, x, names = res
            if best is not None and val >= best:
                continue
            frac = [(i, v) for i, v in enumerate(x) if v.denominator != 1]
            if not frac:
                best = val
                continue
            i, v = frac[0]
            fl = v.numerator // v.denominator
            lo = dict(bounds)
            lo[i] = (bounds.get(i, (None, None))[0], fl)
            hi = dict(bounds)
            hi[i] = (fl + 1, bounds.get(i, (None, None))[1])
            stack.append(lo)
            stack.append(hi)
        return best

    def _lp(self, m, open_, bounds):
        kind = m["kind"]
        var = []  # ("flow", from, to, product) | ("make", node, input, output)
        cost = []
        for (a, b, p), c in sorted(m["lanes"].items()):
            if kind[a] == "customer":
                continue
            if kind[a] == "facility" and a not in open_:
                continue
            if kind[b] == "facility" and b not in open_:
                continue
            if kind[b] == "supplier":
                continue
            if kind[a] == "supplier":
                if any(k[0] == a for k in m["supply"]):
                    if (a, p) not in m["supply"]:
                        continue
            if kind[b] == "customer" and (b, p) not in m["demand"]:
                continue  # a customer gains nothing from a product it does not demand
            var.append(("flow", a, b, p))
            cost.append(c)
        for (f, i, o, c) in self.processing:
            if f in open_:
                var.append(("make", f, i, o))
                cost.append(c)
        rows = []  # (coeffs dict, sense, rhs)
        # conservation at facilities per product
        for f in sorted(open_):
            for p in m["products"]:
                co = defaultdict(Fraction)
                for j, v in enumerate(var):
                    if v[0] == "flow":
                        if v[2] == f and v[3] == p:
                            co[j] += 1
                        if v[1] == f and v[3] == p:
                            co[j] -= 1
                    else:
                        if v[1] == f and v[3] == p:
                            co[j] += 1
                        if v[1] == f and v[2] == p:
                            co[j] -= 1
                if co:
                    rows.append((dict(co), "=", Fraction(0)))
        # supplier capacity / supply
        for n, k in kind.items():
            if k == "supplier" and n in m["node_cap"]:
                co = {j: Fraction(1) for j, v in enumerate(var) if v[0] == "flow" and v[1] == n}
                if co:
                    rows.append((co, "<=", m["node_cap"][n]))
            if k == "facility" and n in open_ and n in m["node_cap"]:
                co = {j: Fraction(1) for j, v in enumerate(var) if v[0] == "flow" and v[1] == n}
                if co:
                    rows.append((co, "<=", m["node_cap"][n]))
        for (n, p), q in m["supply"].items():
            co = {j: Fraction(1) for j, v in enumerate(var) if v[0] == "flow" and v[1] == n and v[3] == p}
            if co:
                rows.append((co, "<=", q))
        for (a, b), q in m["lane_cap"].items():
            co = {j: Fraction(1) for j, v in enumerate(var) if v[0] == "flow" and v[1] == a and v[2] == b}
            if co:
                rows.append((co, "<=", q))
        for (a, b, p), q in m["min_flow"].items():
            co = {j: Fraction(1) for j, v in enumerate(var) if v[0] == "flow" and v[1] == a and v[2] == b
                  and (p is None or v[3] == p)}
            rows.append((co, ">=", q))
        for (n, p), q in sorted(m["demand"].items()):
            q = Fraction(math.ceil(q))  # integer flows: a demand of 38.7 needs 39 units
            co = {j: Fraction(1) for j, v in enumerate(var) if v[0] == "flow" and v[2] == n and v[3] == p}
            if q > 0:
                if not co:
                    return None
                rows.append((co, ">=", q))
        for j, (lo, hi) in bounds.items():
            if lo is not None:
                rows.append(({j: Fraction(1)}, ">=", Fraction(lo)))
            if hi is not None:
                rows.append(({j: Fraction(1)}, "<=", Fraction(hi)))
        r = simplex(cost, rows, len(var))
        if r is None:
            return None
        val, x = r
        return val, x, var


def simplex(c, rows, n):
    """min c.x s.t. rows, x >= 0; exact (Fractions), two-phase, Bland's rule. None if infeasible."""
    # standard form: each row -> equality with slack/surplus, rhs >= 0, artificials where needed
    A = []
    b = []
    ncols = n
    slack_cols = []
    for co, sense, rhs in rows:
        if sense == "<=":
            slack_cols.append((len(A), ncols, 1))
            ncols += 1
        elif sense == ">=":
            slack_cols.append((len(A), ncols, -1))
            ncols += 1
        A.append((co, sense, rhs))
    m = len(A)
    T = []
    basis = []
    art = []
    for i, (co, sense, rhs) in enumerate(A):
        row = [Fraction(0)] * ncols
        for j, v in co.items():
            row[j] = v
        for (ri, cj, s) in slack_cols:
            if ri == i:
                row[cj] = Fraction(s)
        r = Fraction(rhs)
        if r < 0:
            row = [-v for v in row]
            r = -r
        T.append(row + [r])
    # artificials for every row (simple and robust), slack used directly when it is +1 with rhs >= 0
    total = ncols
    for i in range(m):
        cand = None
        for (ri, cj, s) in slack_cols:
            if ri == i and T[i][cj] == 1:
                cand = cj
        if cand is not None:
            basis.append(cand)
        else:
            basis.append(total)
            art.append(total)
            total += 1
    for i in range(m):
        rhs = T[i][-1]
        row = T[i][:-1] + [Fraction(0)] * (total - ncols)
        if basis[i] >= ncols:
            row[basis[i]] = Fraction(1)
        T[i] = row + [rhs]

    def run(obj):
        # obj: list of cost per column (len total); returns False if unbounded
        while True:
            # reduced costs
            cb = [obj[basis[i]] for i in range(m)]
            enter = None
            for j in range(total):
                if j in basis_set:
                    continue
                if allowed is not None and j not in allowed:
                    continue
                rc = obj[j] - sum(cb[i] * T[i][j] for i in range(m) if T[i][j] != 0)
                if rc < 0:
                    enter = j
                    break
            if enter is None:
                return True
            leave = None
            best = None
            for i in range(m):
                a = T[i][enter]
                if a > 0:
                    ratio = T[i][-1] / a
                    if best is None or ratio < best or (ratio == best and basis[i] < basis[leave]):
                        best, leave = ratio, i
            if leave is None:
                return False
            piv = T[leave][enter]
            T[leave] = [v / piv for v in T[leave]]
            for i in range(m):
                if i != leave and T[i][enter] != 0:
                    f = T[i][enter]
                    Ti, Tl = T[i], T[leave]
                    T[i] = [Ti[k] - f * Tl[k] if Tl[k] != 0 else Ti[k] for k in range(total + 1)]
            basis_set.discard(basis[leave])
            basis[leave] = enter
            basis_set.add(enter)

    basis_set = set(basis)
    allowed = None
    if art:
        obj1 = [Fraction(0)] * total
        for a in art:
            obj1[a] = Fraction(1)
        run(obj1)
        if sum(T[i][-1] for i in range(m) if basis[i] in art) != 0:
            return None
        # drive remaining (zero-level) artificials out of the basis where possible
        artset = set(art)
        for i in range(m):
            if basis[i] in artset:
                for j in range(total):
                    if j not in artset and j not in basis_set and T[i][j] != 0:
                        piv = T[i][j]
                        T[i] = [v / piv for v in T[i]]
                        for k in range(m):
                            if k != i and T[k][j] != 0:
                                f = T[k][j]
                                T[k] = [T[k][t] - f * T[i][t] for t in range(total + 1)]
                        basis_set.discard(basis[i])
                        basis[i] = j
                        basis_set.add(j)
                        break
        allowed = set(range(total)) - artset
    obj2 = [Fraction(0)] * total
    for j in range(n):
        obj2[j] = Fraction(c[j])
    if not run(obj2):
        raise AssertionError("unbounded LP")
    x = [Fraction(0)] * n
    for i in range(m):
        if basis[i] < n:
            x[basis[i]] = T[i][-1]
    return sum(c[j] * x[j] for j in range(n)), x


def apply_edits(m, edits):
    """Apply what-if edits (the edit vocabulary of data.md section 2) to a copy of the model."""
    import copy
    m = copy.deepcopy(m)
    F = lambda v: Fraction(str(v))

    def num(old, e):
        if "scale" in e:
            return old * F(e["scale"])
        if "set" in e:
            return F(e["set"])
        if "add" in e:
            return old + F(e["add"])
        raise AssertionError(e)

    for e in edits:
        op = e["op"]
        if op == "demand":
            for (n, p), q in list(m["demand"].items()):
                if (e["node"] in ("*", n)) and (e.get("product") in (None, p)):
                    m["demand"][(n, p)] = num(q, e)
        elif op == "supplier_capacity":
            m["node_cap"][e["node"]] = num(m["node_cap"][e["node"]], e)
        elif op == "supply":
            k = (e["node"], e["product"])
            m["supply"][k] = num(m["supply"][k], e)
        elif op == "lane_cost":
            hit = False
            for (a, b, p), c in list(m["lanes"].items()):
                if e["from"] in ("*", a) and e["to"] in ("*", b) and e.get("product") in (None, p):
                    m["lanes"][(a, b, p)] = num(c, e)
                    hit = True
            if not hit:
                assert "set" in e and "*" not in (e["from"], e["to"])
                prods = [e["product"]] if e.get("product") else m["products"]
                for p in prods:
                    m["lanes"][(e["from"], e["to"], p)] = F(e["set"])
        elif op == "forbid_lane":
            for k in list(m["lanes"]):
                if k[0] == e["from"] and k[1] == e["to"] and e.get("product") in (None, k[2]):
                    del m["lanes"][k]
        elif op == "min_flow":
            m["min_flow"][(e["from"], e["to"], e.get("product"))] = F(e["min"])
        elif op == "only_serve":
            for k in list(m["lanes"]):
                if k[0] == e["node"] and k[1] not in e["destinations"]:
                    del m["lanes"][k]
        elif op == "exclusive_pair":
            for k in list(m["lanes"]):
                if (k[0] == e["from"] and k[1] != e["to"]) or (k[1] == e["to"] and k[0] != e["from"]):
                    del m["lanes"][k]
        elif op == "facility":
            if e["open"]:
                m["forced_open"].add(e["node"])
                m["forced_closed"].discard(e["node"])
            else:
                m["forced_closed"].add(e["node"])
                m["forced_open"].discard(e["node"])
        elif op == "fixed_cost":
            m["fixed"][e["node"]] = num(m["fixed"].get(e["node"], Fraction(0)), e)
        else:
            raise AssertionError(op)
    return m
