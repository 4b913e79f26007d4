#!/usr/bin/env bash
# The README's first command: set up, build, and serve the demo dataset (generated into
# the store folder and imported on first run) with the web control tower; prints the URL.
# No API key is needed: the server listens on loopback with --no-auth.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo run --release --quiet -- serve --demo --no-auth "$@"
