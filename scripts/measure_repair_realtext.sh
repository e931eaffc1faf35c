#!/usr/bin/env bash
# Diacritic repair on real English-model OCR of text it never saw: the prose
# of the housing-cooperative annual reports in ../shared/realdocs/brf (read
# in place, never copied into the project; not used by the lexicon, the
# confusion learner or any repair rule), rendered into page images and read
# by `tesseract -l eng` exactly as the held-out pages of
# tests/data/ocr_eng/heldout (scripts/render_ocr_material.sh, TEXT_FILE
# mode), then repaired and scored word by word (bench_repair --pairs).
#   [REALDOCS_SET=brf|goteborg] scripts/measure_repair_realtext.sh [OUT_DIR] [BUILD_DIR]
# REALDOCS_SET=goteborg reads the Göteborg municipal reports instead (also
# never used by the lexicon or the learner; their artificially stripped
# text is measured by scripts/measure_repair_heldout.sh, never their OCR).
# Text lines only: lines of two words or more, nearly all of them words
# (figures, dates and addresses left out), as the text layer breaks them;
# reports whose text layer lost å/ä/ö (under 1% of their letters) or its
# ligatures are skipped, and a file present twice is read once.
# Cost: TEXT_PAGES pages (default 30) of tesseract, a few CPU-minutes.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-/tmp/finsam_realtext}"
build="${2:-$here/build}"
real="$here/../shared/realdocs/${REALDOCS_SET:-brf}"
[[ -d $real ]] || { echo "measure_repair_realtext: $real not present" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext missing (poppler-utils)" >&2; exit 1; }
mkdir -p "$out"
text="$out/prose.txt"
: > "$text"
declare -A seen
for pdf in "$real"/*.pdf; do
  sum=$(md5sum < "$pdf" | cut -d' ' -f1)
  [[ -z ${seen[$sum]:-} ]] || continue
  seen[$sum]=1
  pdftotext -enc UTF-8 "$pdf" "$out/page.txt"
  letters=$( (grep -o '[[:alpha:]]' "$out/page.txt" || true) | wc -l)
  marked=$( (grep -o '[åäöÅÄÖ]' "$out/page.txt" || true) | wc -l)
  (( letters > 0 && marked * 100 >= letters )) || { echo "skipped (no å/ä/ö in its text layer): $(basename "$pdf")" >&2; continue; }
  # A text layer that lost its ligatures ("Årsavgi ernas" for
  # Årsavgifternas) is no truth to score against: skipped.
  if grep -qE '(avgi|Avgi) er|(avgi|Avgi) (per|betalas)| o a |(^| )e er ' "$out/page.txt"; then
    echo "skipped (ligatures lost in its text layer): $(basename "$pdf")" >&2; continue
  fi
  # Lines as the text layer breaks them (a list stays a list, a label its
  # own line), kept when of two words or more, at least 85% of the tokens
  # words of letters; a blank line between runs of kept lines.
  awk '{ n = split($0, w, /[ \t]+/); words = 0; k = 0
         for (i = 1; i <= n; i++) if (w[i] != "") { k++; if (w[i] ~ /^[[:alpha:]åäöÅÄÖéÉ-]+[,.:;]?$/) words++ }
         if (k >= 2 && words >= 0.85 * k) print; else if (prev) print ""
         prev = (k >= 2 && words >= 0.85 * k) }' "$out/page.txt" >> "$text"
done
rm -f "$out/page.txt"
echo "text: $(grep -c . "$text") lines, $(wc -w < "$text") words" >&2
TEXT_FILE="$text" bash "$here/scripts/render_ocr_material.sh" "$out"
export FINSAM_DATA_DIR="${FINSAM_DATA_DIR:-$here/data}"
"$build/bench_repair" --pairs "$out/heldout" | tail -1
