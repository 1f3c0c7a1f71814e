#!/usr/bin/env bash
# Prints the emergency sheet of every summary example to PDF with headless Chromium, once
# per Japanese font family, and checks it with poppler (pages, fonts, text) and the QR code
# with zxing-cpp at 200 dpi, read back with `kyoten run sheet.read_qr`
# (scripts/sheet-check.py). Needs chromium, poppler-utils, fonts-noto-cjk and
# fonts-ipafont-gothic (scripts/ensure-tools.sh installs them); makes a Python venv with
# zxing-cpp and pillow under target/sheet-check (or $KYOTEN_CHECK_CACHE).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
CACHE="${KYOTEN_CHECK_CACHE:-$TARGET_DIR/sheet-check}"
mkdir -p "$CACHE"
for tool in chromium pdfinfo pdffonts pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "test-sheet: $tool is missing (run scripts/ensure-tools.sh)"; exit 1; }
done
if [ ! -x "$CACHE/venv/bin/python" ]; then
  python3 -m venv "$CACHE/venv"
fi
"$CACHE/venv/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/scripts/sheet-requirements.txt"
(cd "$ROOT" && cargo build -q -p kyoten-schemas --bin kyoten)
"$CACHE/venv/bin/python" "$ROOT/scripts/sheet-check.py" "$TARGET_DIR/debug/kyoten" "$CACHE/out" \
  "$ROOT"/schemas/examples/summary-request.*.json
