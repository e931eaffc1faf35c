#!/usr/bin/env bash
# Browser check of the review report (issue 5): ingests a few corpus
# documents (one of them a deliberately altered copy, so there are error
# flags), writes `finsam review --html`, renders it in headless Chromium
# (Debian package `chromium`, installed if missing) and checks that the
# screenshot is a real rendering (a PNG of the requested size, not blank).
#
# usage: scripts/review_screenshot.sh [BUILD_DIR] [OUT_DIR]
#   BUILD_DIR  where the finsam binary is (default build)
#   OUT_DIR    where report.html and report.png go (default a temp dir)
# Exit status 0 when the screenshot passes the checks.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${1:-build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
OUT="${2:-$(mktemp -d)}"
mkdir -p "$OUT"
FINSAM="$BUILD/finsam"
[ -x "$FINSAM" ] || { echo "no finsam binary at $FINSAM (build it first)" >&2; exit 2; }

CHROME="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROME" ]; then
  echo "installing Debian chromium ..." >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y --no-install-recommends chromium >&2
  CHROME="$(command -v chromium)"
fi

DB="$OUT/review.db"
rm -f "$DB"
# An altered copy of the årsredovisning: Budget 2020 income 13 320 → 13 230.
sed 's/^Intäkter\/bidrag\t13 401\t13 320\t81/Intäkter\/bidrag\t13 401\t13 230\t81/' \
  "$ROOT/corpus/gavleborg-ar-2020/received.txt" > "$OUT/gavleborg-ar-2020-altered.txt"
"$FINSAM" ingest --db "$DB" --ocr never \
  "$ROOT/corpus/gavleborg-vp-2020/received.txt" "$OUT/gavleborg-ar-2020-altered.txt" \
  "$ROOT/corpus/gavleborg-ar-2020/text.pdf" "$ROOT/corpus/jamtland-vp-2019/received.txt" >&2
"$FINSAM" review --db "$DB" --html "$OUT/report.html"

PNG="$OUT/report.png"
rm -f "$PNG"
"$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --hide-scrollbars \
  --user-data-dir="$OUT/chrome-profile" --window-size=1200,2400 \
  --screenshot="$PNG" "file://$OUT/report.html" >&2 2>/dev/null || true
[ -s "$PNG" ] || { echo "FAIL: Chromium wrote no screenshot" >&2; exit 1; }

# Checks on the PNG: the requested size and not trivially small (a blank
# page compresses to a few kB). tests/pipeline/review/review_screenshot_test.cc
# runs this script and checks the pixels (text, the red error border).
INFO="$(file "$PNG")"
case "$INFO" in
  *"PNG image data, 1200 x 2400"*) ;;
  *) echo "FAIL: unexpected screenshot: $INFO" >&2; exit 1 ;;
esac
SIZE=$(stat -c %s "$PNG")
[ "$SIZE" -gt 30000 ] || { echo "FAIL: screenshot only $SIZE bytes (blank?)" >&2; exit 1; }
echo "OK: $PNG ($SIZE bytes)"
