"""Markdown table of the scale bench: series/s/core, ratios, engine overheads,
and the projection to 10 million series."""

import json
import sys

NAMES = {
    "cli": "`abacus forecast` CLI (auto)",
    "package": "abacus package, one process (auto)",
    "spark": "abacus on Spark local[2] (applyInPandas)",
    "spark_noop": "Spark job, empty UDF (read, shuffle, Arrow, write)",
    "ray": "abacus on Ray, num_cpus=2 (sort + map_batches)",
    "ray_noop": "Ray job, empty batch function",
    "sf_local": "statsforecast AutoETS, one process (n_jobs=2)",
    "sf_spark": "statsforecast AutoETS on Spark local[2] (Fugue)",
    "sf_ray": "statsforecast AutoETS on Ray (Fugue)",
}
TARGET = 10_000_000


def main():
    rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    for r in rows:
        r["rate"] = r["series"] / r["seconds"] / r["cores"]
    by = {}
    for r in rows:
        by[(r["path"], r["series"])] = r
    cli = next((r for r in rows if r["path"] == "cli"), None)
    print("| path | series | seconds | series/s/core | series per CPU-second | vs CLI | overhead over bare "
          "| core-hours for 10M | wall for 10M on 1,000 cores |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        vs_cli = f"{r['rate'] / cli['rate']:.2f}×" if cli else ""
        bare = by.get(("sf_local" if r["path"].startswith("sf_") else "package", r["series"]))
        over = ""
        if bare and r["path"] not in ("package", "sf_local", "cli"):
            over = f"{(r['seconds'] / bare['seconds'] - 1) * 100:+.0f}%"
        core_h = TARGET / r["rate"] / 3600
        noop = r["path"].endswith("_noop")
        cpu = f"{r['series'] / r['cpu_s']:.1f}" if r.get("cpu_s") else ""
        print(f"| {NAMES.get(r['path'], r['path'])} | {r['series']:,} | {r['seconds']:.1f} | "
              f"{r['rate']:.1f} | {cpu} | {vs_cli} | {over} | {'' if noop else f'{core_h:,.0f}'} | "
              f"{'' if noop else f'{core_h / 1000 * 60:,.0f} min'} |")
    print()
    for eng in ("package", "spark", "ray"):
        a = max((r for r in rows if r["path"] == eng), key=lambda r: r["series"], default=None)
        s = next((r for r in rows if r["path"] == ("sf_local" if eng == "package" else f"sf_{eng}")), None)
        if a and s:
            print(f"- {eng}: abacus {a['rate']:.1f} vs statsforecast {s['rate']:.1f} series/s/core "
                  f"({a['rate'] / s['rate']:.1f}×).")


if __name__ == "__main__":
    main()
