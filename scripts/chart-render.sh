#!/usr/bin/env bash
# Renders the plan chart of the Odawara FY2017 example in headless Chromium and checks the
# screenshot (./test-all runs this; about 10 s). With --save, the screenshot becomes
# docs/img/plan-chart.png (the README's picture).
#
#   bash scripts/chart-render.sh [--save]
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kyoten-chart.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cargo build -q -p kyoten-schemas --bin kyoten
KYOTEN=${CARGO_TARGET_DIR:-target}/debug/kyoten
"$KYOTEN" render schemas/examples/chart-request.odawara-fy2017.json --out "$WORK/chart.svg"
# The SVG is 1200 units wide; the window fits it whole.
height=$(grep -o 'height="[0-9.]*"' "$WORK/chart.svg" | head -1 | tr -dc '0-9.')
height=${height%.*}
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size="1200,$height" --screenshot="$WORK/chart.png" "file://$WORK/chart.svg" \
  >"$WORK/chromium.log" 2>&1 || { cat "$WORK/chromium.log"; exit 1; }
size=$(stat -c %s "$WORK/chart.png")
# A blank or failed page is a few kilobytes; the chart with its text and patterns is ~350 KB.
if [ "$size" -lt 100000 ]; then
  echo "chart-render: the screenshot is only $size bytes: did the SVG render?" >&2
  exit 1
fi
# The PNG is as wide as the window and as tall as the SVG (IHDR width and height).
read -r w h < <(od -An -tu1 -j16 -N8 "$WORK/chart.png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
if [ "$w" -ne 1200 ] || [ "$h" -ne "$height" ]; then
  echo "chart-render: screenshot is ${w}x${h}, expected 1200x$height" >&2
  exit 1
fi
if [ "${1:-}" = "--save" ]; then
  cp "$WORK/chart.png" docs/img/plan-chart.png
  echo "chart-render: saved docs/img/plan-chart.png"
fi
echo "chart-render: ok (${w}x${h}, $size bytes)"
