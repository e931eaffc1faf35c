#!/usr/bin/env bash
# OCR benchmark: finsam's Tesseract engine vs plain `tesseract`, and scaling
# with cores. Figures go to docs/ocr.md.
#
#   scripts/bench_ocr.sh [BUILD_DIR]      (default build-ocr, then build)
#
# 1. Renders the non-blank pages of the two plan scans (12 pages) to 300 dpi
#    gray images with pdftoppm (not timed).
# 2. Plain tesseract CLI, serial, one OpenMP thread, `-l swe`: CPU seconds.
# 3. bench_ocr pages --plain: the same Tesseract API calls inside finsam
#    (no OSD, deskew, ruling lines, cell re-reads): CPU seconds.
# 4. bench_ocr pages: finsam's full engine: CPU seconds.
# 5. bench_ocr scale --jobs 1 / --jobs N: the pipeline with --ocr always on
#    both scans, wall seconds.
# CPU seconds (user+sys) are the figure to compare on a shared machine; wall
# seconds of step 5 need an otherwise idle machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${1:-}"
if [[ -z "$BUILD" ]]; then
  for b in "$ROOT/build-ocr" "$ROOT/build"; do [[ -x "$b/bench_ocr" ]] && BUILD="$b" && break; done
fi
BENCH="$BUILD/bench_ocr"
[[ -x "$BENCH" ]] || { echo "bench_ocr not built (make bench_ocr)" >&2; exit 2; }
command -v tesseract >/dev/null || { echo "tesseract CLI missing (apt-get install tesseract-ocr tesseract-ocr-swe)" >&2; exit 2; }
export OMP_THREAD_LIMIT=1
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
DOCS=(jamtland-vp-2019 gavleborg-vp-2020)
NPROC="$(getconf _NPROCESSORS_ONLN)"
echo "machine: $NPROC cores, $(tesseract --version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

SPECS=()
for d in "${DOCS[@]}"; do
  pdftoppm -gray -r 300 -f 2 -l 7 "$ROOT/corpus/$d/scan.pdf" "$TMP/$d"
  SPECS+=("$ROOT/corpus/$d/scan.pdf:2-7")
done
IMAGES=("$TMP"/*.pgm)
echo "pages: ${#IMAGES[@]} (300 dpi gray)"

plain_cli() { for img in "${IMAGES[@]}"; do tesseract "$img" "$TMP/out" -l swe >/dev/null 2>&1; done; }
start=$(date +%s.%N)
cli_cpu=$( { TIMEFORMAT='%U %S'; time plain_cli; } 2>&1 | awk '{print $1+$2}')
cli_wall=$(echo "$(date +%s.%N) - $start" | bc)
cli_per=$(echo "scale=3; $cli_cpu / ${#IMAGES[@]}" | bc)
echo "plain tesseract CLI:       cpu $cli_cpu s  = $cli_per s/page  (wall $cli_wall s)"

"$BENCH" pages --plain "${SPECS[@]}" > "$TMP/plain.txt"
plain_per=$(awk '/^TOTAL/{print $(NF-2)}' "$TMP/plain.txt")
echo "finsam engine, plain API:  $(grep ^TOTAL "$TMP/plain.txt" | sed 's/^TOTAL [^:]*: //')"
"$BENCH" pages "${SPECS[@]}" > "$TMP/full.txt"
full_per=$(awk '/^TOTAL/{print $(NF-2)}' "$TMP/full.txt")
echo "finsam engine, full:       $(grep ^TOTAL "$TMP/full.txt" | sed 's/^TOTAL [^:]*: //')"
echo "ratio finsam full / plain tesseract CLI (cpu per page): $(echo "scale=3; $full_per / $cli_per" | bc)"
echo "ratio finsam plain API / plain tesseract CLI:           $(echo "scale=3; $plain_per / $cli_per" | bc)"

SCANS=()
for d in "${DOCS[@]}"; do SCANS+=("$ROOT/corpus/$d/scan.pdf"); done
for j in 1 $NPROC; do
  "$BENCH" scale --jobs "$j" "${SCANS[@]}"
done
