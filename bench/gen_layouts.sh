#!/usr/bin/env bash
# Generates the layout variants of issue 16 (docs/layout_variants.md) into OUT:
#   OUT/src/   ID.html, ID.expected.tsv (bench/layout_gen.cc), batch-NN.{html,pages,pdf}
#   OUT/pdf/   ID.pdf + ID.expected.tsv      born-digital (headless Chromium)
#   OUT/scan/  ID.pdf + ID.expected.tsv      image-only scans of every SCAN_EVERY-th variant
#   OUT/ocr/   ID.txt + ID.expected.tsv      English-model Tesseract dumps of every OCR_EVERY-th
#
#   bash bench/gen_layouts.sh OUT [COUNT]     (COUNT default 220, SEED default 16)
#
# Test-generation tools (scripts/setup.sh installs them): chromium, qpdf,
# poppler-utils, imagemagick, img2pdf, tesseract-ocr + tesseract-ocr-eng.
# Deterministic: dpi, skew, noise and page segmentation mode are chosen from
# the variant's number; ImageMagick's noise gets a fixed -seed. CPU: the
# heavy steps run under `nice -n 10`, at most 2 at a time, Tesseract with
# OMP_THREAD_LIMIT=1; about 1.5 CPU-minutes for Chromium and 2 for Tesseract
# at the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: gen_layouts.sh OUT [COUNT]}
count=${2:-220}
seed=${SEED:-16}
scan_every=${SCAN_EVERY:-7}
ocr_every=${OCR_EVERY:-5}
gen=${LAYOUT_GEN:-build/layout_gen}
export OMP_THREAD_LIMIT=1

for tool in chromium qpdf pdftoppm pdfinfo img2pdf tesseract; do
  command -v "$tool" >/dev/null || { echo "gen_layouts: $tool missing (bash scripts/setup.sh)" >&2; exit 1; }
done
[[ -x /usr/bin/convert ]] || { echo "gen_layouts: ImageMagick missing (bash scripts/setup.sh)" >&2; exit 1; }
[[ -x $gen ]] || { echo "gen_layouts: $gen missing (cmake --build build --target layout_gen)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"/{src,pdf,scan,ocr}
out=$(cd "$out" && pwd)
"$gen" --golden tests/golden --out "$out/src" --count "$count" --seed "$seed"

# Born-digital: one Chromium start per batch of variants, then the pages
# split into one PDF per variant (qpdf --empty: no shared document info).
for html in "$out"/src/batch-*.html; do
  b=${html%.html}
  nice -n 10 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$b.pdf" "file://$html" >/dev/null 2>&1
  want=$(tail -n1 "$b.pages" | cut -d' ' -f3)
  got=$(pdfinfo "$b.pdf" | awk '/^Pages:/ {print $2}')
  if [[ "$want" != "$got" ]]; then
    echo "gen_layouts: $b.pdf has $got pages, expected $want (a variant overflowed its page)" >&2
    exit 1
  fi
  while read -r id first last; do
    qpdf --deterministic-id --empty --pages "$b.pdf" "$first-$last" -- "$out/pdf/$id.pdf"
    cp "$out/src/$id.expected.tsv" "$out/pdf/"
  done < "$b.pages"
done

# Scans and OCR dumps of a subset: variant number n picks its parameters.
scan_one() {  # ID N OUT
  local id=$1 n=$2 out=$3 dpis=(150 200 300 400) skews=(-1.5 -0.8 0.4 1.2 0.0) noises=(0.2 0.4 0.6)
  local dpi=${dpis[$((n % 4))]} skew=${skews[$((n % 5))]} noise=${noises[$((n % 3))]} tmp
  tmp=$(mktemp -d)
  pdftoppm -r "$dpi" -gray -png "$out/pdf/$id.pdf" "$tmp/p"
  for png in "$tmp"/p-*.png; do
    /usr/bin/convert "$png" -background white -rotate "$skew" -seed "$n" -attenuate "$noise" +noise Gaussian \
      -colorspace Gray -density "$dpi" -units PixelsPerInch -quality 70 "${png%.png}.jpg"
  done
  img2pdf "$tmp"/p-*.jpg -o "$out/scan/$id.pdf"
  { cat "$out/src/$id.expected.tsv"; printf '# input\tscan dpi=%s skew=%s noise=%s\n' "$dpi" "$skew" "$noise"; } \
    > "$out/scan/$id.expected.tsv"
  rm -rf "$tmp"
}
ocr_one() {  # ID N OUT
  local id=$1 n=$2 out=$3 psms=(3 4 6) tmp psm first=1
  # The classes repeat every 60 variants and 60 is a multiple of 3: n % 3
  # alone would give each class one mode for good (header2 and pagebreak
  # only ever psm 6). Shifting by one each round of 60 gives every class
  # every mode.
  psm=${psms[$(( (n + n / 60) % 3 ))]}
  tmp=$(mktemp -d)
  pdftoppm -r 300 -gray -png "$out/pdf/$id.pdf" "$tmp/p"
  : > "$out/ocr/$id.txt"
  for png in "$tmp"/p-*.png; do
    ((first)) || printf '\f' >> "$out/ocr/$id.txt"
    first=0
    tesseract "$png" stdout -l eng --psm "$psm" 2>/dev/null >> "$out/ocr/$id.txt"
  done
  { cat "$out/src/$id.expected.tsv"; printf '# input\tocr tesseract -l eng --psm %s (300 dpi)\n' "$psm"; } \
    > "$out/ocr/$id.expected.tsv"
  rm -rf "$tmp"
}
export -f scan_one ocr_one
jobs=()
n=0
for pdf in "$out"/pdf/*.pdf; do
  id=$(basename "$pdf" .pdf)
  ((n % scan_every == 0)) && jobs+=("scan_one $id $n $out")
  ((n % ocr_every == 1)) && jobs+=("ocr_one $id $n $out")
  n=$((n + 1))
done
printf '%s\n' "${jobs[@]}" | nice -n 10 xargs -P 2 -I{} bash -c '{}'
echo "gen_layouts: $(ls "$out"/pdf/*.pdf | wc -l) PDFs, $(ls "$out"/scan/*.pdf | wc -l) scans, $(ls "$out"/ocr/*.txt | wc -l) OCR dumps in $out" >&2
