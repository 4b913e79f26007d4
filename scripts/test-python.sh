#!/usr/bin/env bash
# Runs the Python package's tests (unit tests, the Spark local[2] and Ray
# single-node recipes against `abacus forecast`) in .venv-py.
# Run scripts/setup-python.sh first; it also rebuilds the extension.
#
#   scripts/test-python.sh                      # all of python/tests
#   scripts/test-python.sh tests/test_spark.py  # paths relative to python/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${ABACUS_PY_VENV:-$root/.venv-py}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
# The CLI the equality tests compare with.
export ABACUS_BIN=${ABACUS_BIN:-$CARGO_TARGET_DIR/release/abacus}
if [ ! -x "$ABACUS_BIN" ]; then (cd "$root" && cargo build --release -p abacus-cli); fi
cd "$root/python"
if [ $# -eq 0 ]; then set -- tests; fi
exec "$venv/bin/python" -m pytest -q "$@"
