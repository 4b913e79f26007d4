#!/usr/bin/env bash
# The README's first command: set up, build, generate the demo dataset, import it and
# print what was loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo run --release --quiet -- demo "$@"
