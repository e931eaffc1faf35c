#!/usr/bin/env bash
# English-model OCR text dumps of real statement tables (issue 16): reads the
# scans that bench/brf_scans.sh made of the hand-checked real reports with
# Tesseract's English model, as a user holding only an old OCR text layer
# would have them (stripped å/ä/ö, tables as the page segmentation left
# them), and scores finsam's reading of those dumps against the same golden
# facts (BrfGolden.ScoresEnglishModelDumpsOfTheSameReports).
#
#   bench/brf_dumps.sh SCANS_DIR OUT_DIR [PSM] [BUILD_DIR]
#
# SCANS_DIR holds brf-X.pdf from bench/brf_scans.sh; OUT_DIR/brf-X.txt gets
# one page of text per page, pages separated by a form feed (so page numbers
# match the golden facts). PSM is Tesseract's page segmentation mode
# (default 3, Tesseract's own default). Each page image is OCRed at the
# resolution it was scanned at. Needs poppler-utils and tesseract-ocr-eng
# (scripts/setup.sh). Cost: 145 pages, about 3 CPU-seconds each, two at a
# time.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
scans="${1:?usage: $0 SCANS_DIR OUT_DIR [PSM] [BUILD_DIR]}"
out="${2:?usage: $0 SCANS_DIR OUT_DIR [PSM] [BUILD_DIR]}"
psm="${3:-3}"
build="${4:-$here/build}"
mkdir -p "$out"
export OMP_THREAD_LIMIT=1

dump_one() {  # SCAN OUT PSM
  local scan=$1 out=$2 psm=$3 name tmp first=1
  name=$(basename "$scan" .pdf)
  tmp=$(mktemp -d)
  pdfimages -all "$scan" "$tmp/p"
  : > "$tmp/$name.txt"
  for img in "$tmp"/p-*; do
    ((first)) || printf '\f' >> "$tmp/$name.txt"
    first=0
    tesseract "$img" stdout -l eng --psm "$psm" 2>/dev/null >> "$tmp/$name.txt"
  done
  mv "$tmp/$name.txt" "$out/$name.txt"
  rm -rf "$tmp"
  echo "brf_dumps: $name" >&2
}
export -f dump_one
for scan in "$scans"/brf-*.pdf; do printf '%s\0' "$scan"; done |
  nice -n 10 xargs -0 -P 2 -I{} bash -c 'dump_one "$1" "$2" "$3"' _ {} "$out" "$psm"

cmake --build "$build" --target extractors_tests >/dev/null
FINSAM_BRF_DUMPS="$out" "$build/extractors_tests" \
  --gtest_filter='BrfGolden.ScoresEnglishModelDumpsOfTheSameReports' | tee "$out/score.txt"
