"""Solve the benchmark's MPS files with highspy directly (the peer run).

Usage: highs_peer.py OUT_DIR TIME_LIMIT_S MIP_REL_GAP
Writes OUT_DIR/highspy.json (and prints it): times, objectives, gaps and statuses for model.mps and whatif.mps.
"""
import json
import sys
import time

import highspy


def solve(path, time_limit, gap):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", time_limit)
    h.setOptionValue("mip_rel_gap", gap)
    t0 = time.perf_counter()
    h.readModel(path)
    t1 = time.perf_counter()
    h.run()
    t2 = time.perf_counter()
    info = h.getInfo()
    return {
        "read_s": round(t1 - t0, 4),
        "solve_s": round(t2 - t1, 4),
        "objective": info.objective_function_value,
        "mip_gap": info.mip_gap,
        "status": h.modelStatusToString(h.getModelStatus()),
    }


def main():
    out, time_limit, gap = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    # Warm-up: load the library and solve a tiny model once.
    w = highspy.Highs()
    w.setOptionValue("output_flag", False)
    w.addVar(0.0, 10.0)
    w.changeColCost(0, -1.0)
    w.run()
    result = {
        "highs_version": w.version(),
        "baseline": solve(f"{out}/model.mps", time_limit, gap),
        "whatif": solve(f"{out}/whatif.mps", time_limit, gap),
    }
    # HiGHS prints a banner on stdout, so the result goes to a file too.
    with open(f"{out}/highspy.json", "w") as f:
        json.dump(result, f)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
