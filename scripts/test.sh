#!/usr/bin/env bash
# The whole test suite (the README's test command):
#   1. the Rust workspace: unit tests, one integration-test binary per crate, the
#      server's router, end-to-end and browser tests, the model stages' tests;
#   2. the Python package: rebuilt from this tree into .venv-py (created on first
#      use by scripts/setup-python.sh), then its tests, including the Spark
#      local[2] and Ray single-node recipes checked against `abacus forecast`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --workspace
scripts/setup-python.sh
scripts/test-python.sh
