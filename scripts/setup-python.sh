#!/usr/bin/env bash
# Creates .venv-py (Python package `abacus`, PyO3 + maturin) with what its tests
# need: maturin, pytest, pandas, numpy, pyarrow, pyspark, ray[data]; then builds
# the extension in release mode and installs it into the venv.
#
#   scripts/setup-python.sh            # venv + build (re-running only rebuilds)
#   PYTHON=python3.11 scripts/setup-python.sh
#
# Measured on the dev machine (2 cores): the pip install ≈ 40 s with a warm pip
# cache (1.2 GB venv: pyspark ≈ 450 MB, ray ≈ 250 MB); the extension build
# ≈ 1.5 min on a warm target dir. PySpark needs Java 17 (`java -version`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${ABACUS_PY_VENV:-$root/.venv-py}
py=${PYTHON:-python3}
if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import maturin, pytest, pandas, numpy, pyarrow, pyspark, ray" 2>/dev/null; then
    # Retries and resumed downloads: a dropped connection on a large wheel (pyarrow,
    # pyspark) once failed a CI run.
    net=(--retries 10 --timeout 60)
    "$venv/bin/pip" install -q "${net[@]}" --upgrade pip
    if "$venv/bin/pip" install --help 2>/dev/null | grep -q -- --resume-retries; then
        net+=(--resume-retries 20)
    fi
    "$venv/bin/pip" install -q "${net[@]}" maturin pytest pandas numpy pyarrow pyspark "ray[data]"
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
cd "$root/python"
# `maturin develop` needs an activated venv; VIRTUAL_ENV is what it reads.
VIRTUAL_ENV=$venv PATH="$venv/bin:$PATH" "$venv/bin/maturin" develop --release -q
"$venv/bin/python" -c "import abacus; print('abacus package ready in', '$venv')"
