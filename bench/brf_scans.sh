#!/usr/bin/env bash
# Scans of real statement tables (issue 16): turns the hand-checked pages of
# the real housing-cooperative reports (tests/golden/brf/*.facts.tsv, read in
# place from ../shared/realdocs/brf) into image-only PDFs, as a scanner would
# deliver them, and scores finsam's OCR reading of them against the same
# golden facts as the text layer (BrfGolden.ScoresScansOfTheSameReports).
#
#   bench/brf_scans.sh OUT_DIR [BUILD_DIR]
#
# OUT_DIR/brf-X.pdf keeps the report's page count and numbering: every page
# up to the last one with golden facts is rendered (200 or 300 dpi, grey,
# skew -0.8..0.8°, Gaussian noise, JPEG quality 70; the setting picked by the
# report's order, so a rerun is the same): the förvaltningsberättelse before
# the statements says "alla belopp i kronor", and the title page names the
# year. The pages after it are white pages of the same size (OCR finds
# nothing there; they only keep the numbering). The scans are written outside the project: the
# reports carry no licence for redistribution.
#
# Needs poppler-utils, imagemagick, img2pdf (scripts/setup.sh). Cost: 145
# pages; finsam's OCR of them about 20 CPU-minutes (two reads per figure).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: $0 OUT_DIR [BUILD_DIR]}"
build="${2:-$here/build}"
real="$here/../shared/realdocs/brf"
[[ -d $real ]] || { echo "brf_scans: $real not present" >&2; exit 1; }
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

declare -A by_sha
for pdf in "$real"/*.pdf; do by_sha[$(sha256sum "$pdf" | cut -d' ' -f1)]=$pdf; done

dpis=(300 200)
skews=(0.4 -0.8 0.0 0.8 -0.3)
noises=(0.2 0.4 0.3)
n=0
for golden in "$here"/tests/golden/brf/*.facts.tsv; do
  name=$(basename "$golden" .facts.tsv)
  src=""
  while read -r sha; do [[ -n ${by_sha[$sha]:-} ]] && src=${by_sha[$sha]}; done \
    < <(awk '/^# sha256 / {print $3}' "$golden")
  [[ -n $src ]] || { echo "brf_scans: no PDF for $name" >&2; continue; }
  pages=$(pdfinfo "$src" | awk '/^Pages:/ {print $2}')
  last=$(grep -v '^#' "$golden" | cut -f1 | sort -n | tail -n1)
  dpi=${dpis[$((n % 2))]} skew=${skews[$((n % 5))]} noise=${noises[$((n % 3))]}
  rm -f "$tmp"/*
  for ((p = 1; p <= pages; p++)); do
    img=$(printf '%s/p-%03d.jpg' "$tmp" "$p")
    if ((p <= last)); then
      pdftoppm -r "$dpi" -gray -png -f "$p" -l "$p" -singlefile "$src" "$tmp/page"
      /usr/bin/convert "$tmp/page.png" -background white -rotate "$skew" -seed "$((n + p))" \
        -attenuate "$noise" +noise Gaussian -colorspace Gray -density "$dpi" -units PixelsPerInch \
        -quality 70 "$img"
      rm -f "$tmp/page.png"
    else
      # A white page of the report's page size at 100 dpi.
      size=$(pdfinfo -f "$p" -l "$p" "$src" | awk '/size:/ {printf "%dx%d", $4 / 72 * 100, $6 / 72 * 100; exit}')
      /usr/bin/convert -size "$size" xc:white -colorspace Gray -density 100 -units PixelsPerInch "$img"
    fi
  done
  img2pdf "$tmp"/p-*.jpg -o "$out/$name.pdf"
  printf '%s\t%s\tdpi=%s skew=%s noise=%s\n' "$name" "$(basename "$src")" "$dpi" "$skew" "$noise" >&2
  n=$((n + 1))
done

cmake --build "$build" --target extractors_tests >/dev/null
FINSAM_BRF_SCANS="$out" OMP_THREAD_LIMIT=1 "$build/extractors_tests" \
  --gtest_filter='BrfGolden.ScoresScansOfTheSameReports' | tee "$out/score.txt"
