#!/usr/bin/env bash
# Recall and precision of finsam's table readers on the layout variants of
# issue 16 (docs/layout_variants.md), per input kind and layout class.
#
#   bash bench/bench_layouts.sh [OUT]      (default build/layouts)
#
# Generates the variants into OUT first when OUT/pdf is missing or REGEN=1
# (bench/gen_layouts.sh; COUNT, default 220, and SEED pass through), then runs
# `finsam extract --format json` on every born-digital PDF, scan and OCR text
# dump (scans are OCRed by finsam: the slow part, about 2 CPU-seconds a page),
# and prints the table of bench/layout_score.cc. Per-variant lines, every
# missed fact and every wrong fact loaded as ok: OUT/details.txt. For the OCR
# dumps it also prints which share of the facts the dump still prints whole
# on a line ("legible") and the recall over those ("rec|leg"): a psm-6 dump
# of a ruled grid can lose most of its table before finsam reads it.
# KINDS="pdf ocr" limits the input kinds (default: pdf scan ocr).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/layouts}
finsam=${FINSAM:-build/finsam}
score=${LAYOUT_SCORE:-build/layout_score}
kinds=${KINDS:-pdf scan ocr}
export OMP_THREAD_LIMIT=1
[[ -x $finsam && -x $score ]] || { echo "bench_layouts: build finsam layout_gen layout_score first" >&2; exit 1; }
if [[ ! -d $out/pdf || ${REGEN:-0} == 1 ]]; then
  bash bench/gen_layouts.sh "$out" "${COUNT:-220}"
fi
out=$(cd "$out" && pwd)
finsam=$(cd "$(dirname "$finsam")" && pwd)/$(basename "$finsam")

extract_one() {  # FINSAM FILE JSON
  "$1" extract --format json "$2" > "$3" 2>/dev/null || true
}
export -f extract_one
args=()
for kind in $kinds; do
  ext=pdf
  [[ $kind == ocr ]] && ext=txt
  rm -rf "$out/json-$kind"
  mkdir -p "$out/json-$kind"
  start=$(date +%s)
  for f in "$out/$kind"/*."$ext"; do
    printf '%s\0' "extract_one '$finsam' '$f' '$out/json-$kind/$(basename "$f" ".$ext").json'"
  done | nice -n 10 xargs -0 -P 2 -I{} bash -c '{}'
  echo "bench_layouts: $kind: $(ls "$out/json-$kind" | wc -l) files extracted in $(( $(date +%s) - start )) s" >&2
  args+=("$kind=$out/json-$kind")
done
text=()
[[ " $kinds " == *" ocr "* ]] && text=(--text "ocr=$out/ocr")
"$score" --details "$out/details.txt" "${text[@]}" "$out/src" "${args[@]}"
echo "details: $out/details.txt" >&2
