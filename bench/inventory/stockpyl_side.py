"""Abacus's inventory engine beside Python's stockpyl on the same random cases.

Draws N cases per function (seeded), runs stockpyl in this process and the Rust
example `stockpyl_side` on the same cases, and prints both timings and the
largest relative difference per function.
Usage: python stockpyl_side.py PATH_TO_stockpyl_side_BINARY [N]
"""
import json, random, subprocess, sys, tempfile, time

from stockpyl import eoq, newsvendor, rq, ss

binary = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = random.Random(2026)


def case(f):
    u = rng.uniform
    if f == "eoq":
        return dict(K=u(1, 500), h=u(0.05, 5), D=u(10, 10000))
    if f == "eoqb":
        return dict(K=u(1, 500), h=u(0.05, 5), p=u(1, 50), D=u(10, 10000))
    if f == "newsvendor_normal":
        return dict(h=u(0.05, 5), p=u(0.5, 50), mu=u(5, 500), sd=u(1, 60))
    if f == "newsvendor_poisson":
        return dict(h=u(0.05, 5), p=u(0.5, 50), mu=u(0.5, 60))
    if f in ("rq_cost", "rq_eil", "rq_eoqss", "rq_loss"):
        a = dict(h=u(0.1, 2), p=u(2, 40), K=u(5, 200), mu=u(200, 5000), sd=u(20, 400), L=u(0.02, 0.3))
        if f == "rq_cost":
            a.update(r=a["mu"] * a["L"] + u(0, 3) * a["sd"] * a["L"] ** 0.5, Q=u(50, 800))
        return a
    if f == "ss_power":
        return dict(h=u(0.05, 2), p=u(0.5, 20), K=u(1, 100), mu=u(5, 200), sd=u(1, 40))
    raise ValueError(f)


def peer(f, a):
    if f == "eoq":
        return list(eoq.economic_order_quantity(a["K"], a["h"], a["D"]))
    if f == "eoqb":
        return list(eoq.economic_order_quantity_with_backorders(a["K"], a["h"], a["p"], a["D"]))
    if f == "newsvendor_normal":
        return list(newsvendor.newsvendor_normal(a["h"], a["p"], a["mu"], a["sd"]))
    if f == "newsvendor_poisson":
        return [float(v) for v in newsvendor.newsvendor_poisson(a["h"], a["p"], a["mu"])]
    if f == "ss_power":
        return list(ss.s_s_power_approximation(a["h"], a["p"], a["K"], a["mu"], a["sd"]))
    rqa = (a["h"], a["p"], a["K"], a["mu"], a["sd"], a["L"])
    if f == "rq_cost":
        return [rq.r_q_cost(a["r"], a["Q"], *rqa)]
    if f == "rq_eil":
        return list(rq.r_q_eil_approximation(*rqa))
    if f == "rq_eoqss":
        return list(rq.r_q_eoqss_approximation(*rqa))
    if f == "rq_loss":
        return list(rq.r_q_loss_function_approximation(*rqa))
    raise ValueError(f)


funcs = ["eoq", "eoqb", "newsvendor_normal", "newsvendor_poisson", "rq_cost", "rq_eil", "rq_eoqss", "rq_loss", "ss_power"]
cases = [(f, case(f)) for f in funcs for _ in range(n)]
t = time.perf_counter()
theirs = []
for f, a in cases:
    try:
        theirs.append([float(v) for v in peer(f, a)])
    except Exception as e:  # a case stockpyl refuses
        theirs.append({"error": str(e)})
peer_s = time.perf_counter() - t
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
    for f, a in cases:
        fh.write(json.dumps({"f": f, "args": a}) + "\n")
ours = json.loads(subprocess.run([binary, fh.name], check=True, capture_output=True, text=True).stdout)

print(f"| function | cases | max relative difference | both refused | one refused |\n|---|---|---|---|---|")
worst = 0.0
for f in funcs:
    diffs, both, one = [], 0, 0
    for (g, _), o, p in zip(cases, ours["results"], theirs):
        if g != f:
            continue
        oe, pe = isinstance(o, dict), isinstance(p, dict)
        if oe and pe:
            both += 1
            continue
        if oe or pe:
            one += 1
            continue
        diffs.append(max(abs(x - y) / max(abs(y), 1e-12) for x, y in zip(o, p)))
    m = max(diffs) if diffs else float("nan")
    worst = max(worst, m if diffs else 0.0)
    print(f"| {f} | {len(diffs)} | {m:.2e} | {both} | {one} |")
print(f"\ntime for all {len(cases)} cases: Abacus {ours['seconds'] * 1e3:.2f} ms, stockpyl {peer_s * 1e3:.1f} ms "
      f"(ratio {peer_s / max(ours['seconds'], 1e-9):.0f}x)")
print(f"worst relative difference: {worst:.2e}")
