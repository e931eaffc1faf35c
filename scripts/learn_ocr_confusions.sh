#!/usr/bin/env bash
# Regenerates the learned OCR confusion table and the English-model OCR the
# tests measure diacritic repair on (issue 12):
#   data/ocr_confusions.tsv                 learned from the training pages
#   tests/data/ocr_eng/heldout/NNN.*.txt    the held-out pages: text and OCR
#   tests/data/ocr_eng/<doc>.txt            English-model OCR of corpus/<doc>/scan.pdf
#
#   scripts/learn_ocr_confusions.sh [BUILD_DIR]     (default build/)
#
# KEEP_HELDOUT=1 renders and learns from the training pages only and leaves
# the committed held-out pages and scan OCR as they are (so a new table is
# measured on the same held-out readings as the old one). JOBS=N reads N
# pages at a time (default 1).
#
# DASHER_HELDOUT_ONLY=1 renders and reads only the dasher held-out pages
# (tests/data/ocr_eng/heldout/2NN.*, see render_ocr_material.sh) and
# replaces those; the table, the other held-out pages and the scan OCR stay.
#
# Needs tesseract-ocr, tesseract-ocr-eng, imagemagick and the fonts in
# scripts/setup.sh. Cost: about 40 rendered pages and 14 scanned pages of
# tesseract, a few CPU-minutes under nice -n 10, one thread.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -n ${DASHER_HELDOUT_ONLY:-} ]]; then
  DASHER_HELDOUT_ONLY=1 bash "$here/scripts/render_ocr_material.sh" "$work/gen"
  rm -f "$here"/tests/data/ocr_eng/heldout/2[0-9][0-9].*
  cp "$work"/gen/heldout/2*.src.txt "$work"/gen/heldout/2*.ocr.txt "$work"/gen/heldout/2*.setting \
    "$here/tests/data/ocr_eng/heldout/"
  echo "wrote tests/data/ocr_eng/heldout/2NN.* (table and other pages kept)" >&2
  exit 0
fi
TRAIN_ONLY="${KEEP_HELDOUT:-}" bash "$here/scripts/render_ocr_material.sh" "$work/gen"
cmake --build "$build" --target learn_ocr_confusions >/dev/null
"$build/learn_ocr_confusions" learn "$work/gen/train" > "$here/data/ocr_confusions.tsv"
if [[ -n ${KEEP_HELDOUT:-} ]]; then
  echo "wrote data/ocr_confusions.tsv (held-out pages kept)" >&2
  exit 0
fi

out="$here/tests/data/ocr_eng"
rm -rf "$out/heldout"
mkdir -p "$out/heldout"
cp "$work"/gen/heldout/*.src.txt "$work"/gen/heldout/*.ocr.txt "$work"/gen/heldout/*.setting "$out/heldout/"

# The corpus scans (200 dpi, skewed, JPEG), read page by page as they are:
# real scans the table was not learned from.
for doc in gavleborg-vp-2020 jamtland-vp-2019; do
  mkdir -p "$work/scan/$doc"
  pdfimages -j "$here/corpus/$doc/scan.pdf" "$work/scan/$doc/p"
  for img in "$work/scan/$doc"/p-*.jpg; do
    OMP_THREAD_LIMIT=1 nice -n 10 tesseract "$img" "${img%.jpg}" -l eng 2>/dev/null
  done
  cat "$work/scan/$doc"/p-*.txt > "$out/$doc.txt"
done
echo "wrote data/ocr_confusions.tsv and tests/data/ocr_eng/" >&2
