"""One timed path of the scale bench; prints one JSON line.

    python bench.py PATH DATA_DIR N OUT_DIR

PATH: package | spark | spark_noop | ray | ray_noop | sf_local | sf_spark | sf_ray.
Every path forecasts the first N series of DATA_DIR/series.parquet, horizon 28,
season 7, interval levels 80 and 95, on 2 cores, after a warm-up on 20 series
(JIT, worker start-up). Abacus runs `auto`; statsforecast runs AutoETS(season_length=7).
Timed: read Parquet → forecast → write Parquet (package and sf_local: the
forecast call on an in-memory frame, with the IO reported beside it).
The `_noop` paths run the same Spark/Ray job with a function that returns an
empty frame: read, shuffle, Arrow serialisation and Python workers, no compute.
"""

import json
import os
import resource
import shutil
import sys
import time

import pandas as pd

H, M, LEVELS, CORES = 28, 7, [80, 95], 2
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "python", "examples")
sys.path.insert(0, EXAMPLES)


def subset(data, n, out):
    """The first n series as their own Parquet file (not timed)."""
    path = os.path.join(out, f"subset_{n}.parquet")
    if not os.path.exists(path):
        df = pd.read_parquet(os.path.join(data, "series.parquet"))
        ids = df["series_id"].drop_duplicates().iloc[:n]
        df[df["series_id"].isin(ids)].to_parquet(path, index=False)
    return path


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    if os.path.exists(path):
        os.remove(path)
    return path


def spark_session():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    return (SparkSession.builder.master(f"local[{CORES}]").appName("abacus-scale-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "6g")
            .config("spark.sql.shuffle.partitions", str(4 * CORES))
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .getOrCreate())


def ray_start():
    import ray

    ray.init(num_cpus=CORES, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": EXAMPLES}})
    ray.data.DataContext.get_current().enable_progress_bars = False
    return ray


def statsforecast(n_jobs=1):
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS

    return StatsForecast(models=[AutoETS(season_length=M)], freq="D", n_jobs=n_jobs)


def cpu_seconds():
    """CPU seconds of this process (all threads) and its reaped children: under
    contention from other jobs, series per CPU-second is the per-core rate."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(path, data, n, out):
    src, warm = subset(data, n, out), subset(data, 20, out)
    dst = os.path.join(out, f"out_{path}")
    result = {"path": path, "series": n, "cores": CORES}
    if path == "package":
        import abacus

        t0 = time.perf_counter()
        df = pd.read_parquet(src)
        t1 = time.perf_counter()
        abacus.forecast(pd.read_parquet(warm), H, season=M, levels=LEVELS, fill="zero")
        t2, c2 = time.perf_counter(), cpu_seconds()
        fc = abacus.forecast(df, H, season=M, levels=LEVELS, fill="zero", freq="daily", threads=0)
        t3 = time.perf_counter()
        result["cpu_s"] = cpu_seconds() - c2
        fc.to_parquet(fresh(dst + ".parquet"), index=False)
        t4 = time.perf_counter()
        result.update(seconds=t3 - t2, read_s=t1 - t0, write_s=t4 - t3)
    elif path in ("spark", "spark_noop", "sf_spark"):
        spark = spark_session()
        if path == "sf_spark":
            sf = statsforecast()

            def job(p, d):
                sdf = (spark.read.parquet(p).withColumnRenamed("series_id", "unique_id")
                       .withColumnRenamed("t", "ds"))
                sf.forecast(df=sdf, h=H, level=LEVELS).write.mode("overwrite").parquet(d)
        else:
            import spark_forecast

            def job(p, d):
                sdf = spark.read.parquet(p)
                if path == "spark":
                    res = spark_forecast.forecast_spark(sdf, H, M, "auto", LEVELS, "zero", "daily")
                else:
                    schema = spark_forecast.output_schema("auto", LEVELS)
                    empty = pd.DataFrame({f.name: pd.Series([], dtype="float64") for f in schema.fields})
                    empty = empty.astype({"series_id": str, "step": "int64"})
                    res = sdf.groupBy("series_id").applyInPandas(lambda pdf: empty, schema=schema)
                res.write.mode("overwrite").parquet(d)
        job(warm, fresh(dst + "_warm"))
        t0 = time.perf_counter()
        job(src, fresh(dst))
        result["seconds"] = time.perf_counter() - t0
        spark.stop()
    elif path in ("ray", "ray_noop", "sf_ray"):
        ray = ray_start()
        if path == "sf_ray":
            sf = statsforecast()

            def job(p, d):
                ds = ray.data.read_parquet(p).rename_columns({"series_id": "unique_id", "t": "ds"})
                sf.forecast(df=ds, h=H, level=LEVELS).write_parquet(d)
        else:
            import ray_forecast

            def job(p, d):
                ds = ray.data.read_parquet(p)
                if path == "ray":
                    res = ray_forecast.forecast_ray(ds, H, M, "auto", LEVELS, "zero", "daily")
                else:
                    res = ds.sort("series_id").map_batches(lambda b: b.head(0), batch_format="pandas",
                                                           batch_size=None)
                res.write_parquet(d)
        job(warm, fresh(dst + "_warm"))
        t0 = time.perf_counter()
        job(src, fresh(dst))
        result["seconds"] = time.perf_counter() - t0
        ray.shutdown()
    elif path == "sf_local":
        sf = statsforecast(n_jobs=CORES)
        rename = {"series_id": "unique_id", "t": "ds"}
        sf.forecast(df=pd.read_parquet(warm).rename(columns=rename), h=H, level=LEVELS)
        df = pd.read_parquet(src).rename(columns=rename)
        t0, c0 = time.perf_counter(), cpu_seconds()
        fc = sf.forecast(df=df, h=H, level=LEVELS)
        result["seconds"] = time.perf_counter() - t0
        result["cpu_s"] = cpu_seconds() - c0
        fc.to_parquet(fresh(dst + ".parquet"), index=False)
    else:
        raise SystemExit(f"unknown path {path}")
    result["series_per_s_per_core"] = n / result["seconds"] / CORES
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
