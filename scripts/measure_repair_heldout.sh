#!/usr/bin/env bash
# Held-out measurements of diacritic repair (docs/diacritics.md, "Figures").
#   scripts/measure_repair_heldout.sh [BUILD_DIR]
# 1. dasher-data's held-out paragraphs, stripped artificially (seeds 1-3);
# 2. leave-one-out: each clean corpus text stripped artificially, with that
#    text left out of the lexicon;
# 3. real municipal reports never used for anything else (Göteborgs Stad,
#    ../shared/realdocs/goteborg, read in place when present), stripped
#    artificially;
# 4. real English-OCR text layers (sandwich.pdf, via pdftotext from
#    poppler-utils when installed) of the clean documents, leave-one-out:
#    share of words found in the clean text's vocabulary;
# 5. throughput on a 2 MB batch.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
bench="$build/bench_repair"
export FINSAM_DATA_DIR="${FINSAM_DATA_DIR:-$here/data}"
for seed in 1 2 3; do
  echo "== dasher held-out, seed $seed"; "$bench" --seed "$seed" --heldout | tail -1
done
for doc in jamtland-vp-2019 gavleborg-ar-2020; do
  for seed in 1 2 3; do
    echo "== $doc left out, seed $seed"
    "$bench" --seed "$seed" --exclude-clean "$doc.txt" "$here/corpus/$doc/received.txt" | tail -1
  done
done
realdocs="$here/../shared/realdocs/goteborg"
if [ -d "$realdocs" ]; then
  for seed in 1 2 3; do
    echo "== Göteborg reports (realdocs), seed $seed"
    "$bench" --seed "$seed" "$realdocs"/*.pdf | tail -1
  done
fi
if command -v pdftotext >/dev/null; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  for doc in jamtland-vp-2019 gavleborg-ar-2020; do
    echo "== $doc: real OCR text layer of sandwich.pdf, left out"
    pdftotext -layout "$here/corpus/$doc/sandwich.pdf" "$tmp/$doc.txt"
    "$bench" --exclude-clean "$doc.txt" --vocab-check "$tmp/$doc.txt" "$here/corpus/$doc/received.txt" | tail -2
  done
fi
echo "== throughput"
"$bench" --heldout --stream-mb 2 "$here/corpus/gavleborg-ar-2020/received.txt" "$here/corpus/jamtland-vp-2019/received.txt" | sed -n '1p;$p'
