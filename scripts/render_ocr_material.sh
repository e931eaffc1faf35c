#!/usr/bin/env bash
# Renders Swedish text into page images at several fonts, sizes, resolutions
# and noise levels and reads them with Tesseract's ENGLISH model, so that
# learn_ocr_confusions (bench/learn_ocr_confusions.cc) can estimate how an
# English OCR model misreads Swedish letters.
#
#   scripts/render_ocr_material.sh OUT_DIR
#   DASHER_HELDOUT_ONLY=1 scripts/render_ocr_material.sh OUT_DIR
#   TEXT_FILE=FILE [TEXT_PAGES=N] scripts/render_ocr_material.sh OUT_DIR
#
# Writes OUT_DIR/{train,heldout}/NNN.src.txt (the text as rendered),
# NNN.ocr.txt (what Tesseract read) and NNN.setting (font, size, dpi, noise).
# Deterministic text (awk with fixed seeds); the images are temporary.
# DASHER_HELDOUT_ONLY=1 writes only the dasher held-out pages (heldout/2NN
# below) and leaves every other file in OUT_DIR as it is. TEXT_FILE=FILE
# writes only pages of FILE (clean Swedish text, one paragraph per line;
# TEXT_PAGES of them, default 30, spread over it) as heldout/3NN, rendered
# the same way (scripts/measure_repair_realtext.sh).
#
# Text:
#   train   dasher-data's Swedish prose, the paragraphs the lexicon trains on
#           (index % 10 != 0, see swedish_lexicon.cc), the clean text of
#           corpus/gavleborg-ar-2020, and sentences generated from the word
#           lists (seed 1);
#   heldout the clean text of corpus/jamtland-vp-2019 (pages 0NN) and
#           generated sentences (seed 2, pages 1NN); dasher-data's held-out
#           paragraphs (index % 10 == 0, never trained on by the lexicon or
#           the learner) that share no run of 8 words with, and are not, a
#           training paragraph (the file repeats some paragraphs) (pages
#           2NN, all of them: 28 pages). Never read by the learner: the
#           repair is measured on it
#           (tests/normalizers/ocr_channel_heldout_test.cc).
# The corpus scans (corpus/*/scan.pdf) are not used here at all.
#
# Cost: about 90 pages (28 of them in DASHER_HELDOUT_ONLY mode), 3-5 CPU-minutes of tesseract (nice -n 10, one thread).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: $0 OUT_DIR}"
convert=/usr/bin/convert
command -v tesseract >/dev/null || { echo "tesseract missing (scripts/setup.sh)" >&2; exit 1; }
[[ -x $convert ]] || { echo "ImageMagick missing (scripts/setup.sh)" >&2; exit 1; }
tesseract --list-langs 2>/dev/null | grep -qx eng || { echo "tesseract-ocr-eng missing" >&2; exit 1; }
dasher=/usr/share/dasher/training_swedish_SE.txt
dict=/usr/share/dict/swedish
mkdir -p "$out/heldout"
[[ -n ${DASHER_HELDOUT_ONLY:-}${TEXT_FILE:-} ]] || mkdir -p "$out/train"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Words for generated sentences: the 40 000 most frequent web word forms that
# the wswedish dictionary also holds (the web list has stripped junk), and
# the gazetteer's names (Östersund, Örebro, Ängelholm: capitals with dots).
iconv -f ISO-8859-1 -t UTF-8 "$dict" | awk 'length($0) > 0' | sort -u > "$tmp/dict"
head -n 40000 "$here/data/lexicon/swe.wordlist" | awk 'NF == 1' | sort -u > "$tmp/web"
comm -12 "$tmp/dict" "$tmp/web" > "$tmp/words"
awk -F'\t' '!/^#/ && NF >= 2 && $2 !~ / / && length($2) > 3 { print $2 }' "$here/data/gazetteer.tsv" > "$tmp/names"

# Generated sentences: 5-12 words, 40% of the words drawn from those with
# å/ä/ö inside, 15% from those starting with one (the OCR loses or garbles a
# word's first letter more often: "tgärd", "Sstersund"), some capitalized (a
# name or a heading word), commas and full stops.
generate() {  # seed lines
  LC_ALL=C.UTF-8 awk -v seed="$1" -v lines="$2" '
    FILENAME == ARGV[1] {
      all[na++] = $0
      if ($0 ~ /^[åäö]/) ini[ni++] = $0
      else if ($0 ~ /[åäö]/) dia[nd++] = $0
      next
    }
    FILENAME == ARGV[2] { nm[nn++] = $0; next }
    END {
      srand(seed)
      for (s = 0; s < lines; s++) {
        n = 5 + int(rand() * 8); line = ""
        for (k = 0; k < n; k++) {
          r = rand()
          if (r < 0.4) w = dia[int(rand() * nd)]
          else if (r < 0.55) w = ini[int(rand() * ni)]
          else if (r < 0.6 && nn) w = nm[int(rand() * nn)]
          else w = all[int(rand() * na)]
          if (k == 0 || rand() < 0.15) w = "^" w
          line = line (k ? " " : "") w
          if (k < n - 1 && rand() < 0.08) line = line ","
        }
        print line "."
      }
    }' "$tmp/words" "$tmp/names"
}

# awk marks the words to capitalize with "^"; GNU sed capitalizes them (ÅÄÖ too).
fixcaps() { LC_ALL=C.UTF-8 sed -e 's/\^\(.\)/\u\1/g'; }

{
  awk 'NF { if (i++ % 10 != 0) print }' "$dasher"
  grep -v $'^\t*$' "$here/data/lexicon/clean/gavleborg-ar-2020.txt" | tr '\t' ' '
} > "$tmp/train_prose"
generate 1 2200 | fixcaps > "$tmp/train_generated"
grep -v $'^\t*$' "$here/data/lexicon/clean/jamtland-vp-2019.txt" | tr '\t' ' ' > "$tmp/heldout_prose"
generate 2 200 | fixcaps > "$tmp/heldout_generated"
# Dasher's held-out paragraphs without those that repeat a training one or
# share a run of 8 words with the training paragraphs.
awk 'NF { if (i++ % 10 != 0) print }' "$dasher" > "$tmp/dasher_train"
awk 'NF { if (i++ % 10 == 0) print }' "$dasher" > "$tmp/dasher_heldout_all"
awk '
  function runs(keep,   n, w, i, j, k, ok) {
    n = split($0, w, /[ \t]+/); ok = 1
    for (i = 1; i + 7 <= n; i++) {
      k = w[i]; for (j = 1; j < 8; j++) k = k " " w[i + j]
      if (keep) seen[k] = 1; else if (k in seen) ok = 0
    }
    return ok
  }
  FNR == NR { whole[$0] = 1; runs(1); next }
  !($0 in whole) && runs(0)
' "$tmp/dasher_train" "$tmp/dasher_heldout_all" > "$tmp/heldout_dasher"

# Pages of 22 lines folded at 68 columns; `take` pages spread over the text.
paginate() {  # text_file dir take first_number
  fold -s -w 68 "$1" | sed 's/ *$//' | awk 'length($0) > 0' > "$tmp/folded"
  local total pages step
  total=$(wc -l < "$tmp/folded")
  pages=$(( total / 22 ))
  step=$(( pages / $3 )); (( step >= 1 )) || step=1
  local k=0 p=0
  while (( p < pages && k < $3 )); do
    sed -n "$(( p * 22 + 1 )),$(( p * 22 + 22 ))p" "$tmp/folded" > "$2/$(printf %03d "$(( $4 + k ))").src.txt"
    k=$(( k + 1 )); p=$(( p + step ))
  done
}
if [[ -n ${TEXT_FILE:-} ]]; then
  rm -f "$out"/heldout/3[0-9][0-9].*
  paginate "$TEXT_FILE" "$out/heldout" "${TEXT_PAGES:-30}" 300
elif [[ -n ${DASHER_HELDOUT_ONLY:-} ]]; then
  rm -f "$out"/heldout/2[0-9][0-9].*
  paginate "$tmp/heldout_dasher" "$out/heldout" 99 200
else
  paginate "$tmp/train_prose" "$out/train" "${TRAIN_PROSE_PAGES:-45}" 0
  paginate "$tmp/train_generated" "$out/train" "${TRAIN_GENERATED_PAGES:-45}" 100
  if [[ -z ${TRAIN_ONLY:-} ]]; then
    paginate "$tmp/heldout_prose" "$out/heldout" 8 0
    paginate "$tmp/heldout_generated" "$out/heldout" 6 100
    paginate "$tmp/heldout_dasher" "$out/heldout" 99 200
  fi
fi

fonts=(Liberation-Serif Liberation-Sans DejaVu-Serif DejaVu-Sans FreeSerif FreeSans DejaVu-Sans-Condensed Liberation-Serif-Italic FreeMono)
sizes=(10 11 12 9 14)
dpis=(300 200 150 400 250 300 200)
noises=(0 0.4 0.8 0.2 1.2)
rotations=(0 0.3 -0.4 0 0.6)
# One page: render with the i-th setting, read with tesseract -l eng.
# ImageMagick's noise is seeded with the page number, so a rerun is the same.
render_one() {  # i src
  local i=$1 src=$2
  local base="${src%.src.txt}"
  local font=${fonts[i % ${#fonts[@]}]}
  local size=${sizes[i % ${#sizes[@]}]}
  local dpi=${dpis[i % ${#dpis[@]}]}
  local noise=${noises[i % ${#noises[@]}]}
  local rot=${rotations[i % ${#rotations[@]}]}
  local img="$tmp/page-$i.jpg"
  i=$(( i + 1 ))
  echo "font=$font size=$size dpi=$dpi noise=$noise rotate=$rot" > "$base.setting"
  # JPEG at quality 40-70: the artefacts of old scans.
  # label: reads % and \ as escapes: double them.
  local text
  text="$(sed -e 's/\\/\\\\/g' -e 's/%/%%/g' "$src")"
  if ! nice -n 10 "$convert" -seed "$i" -font "$font" -pointsize "$size" -density "$dpi" label:"$text" \
    -bordercolor white -border 60 -background white -rotate "$rot" \
    -attenuate "$noise" +noise Gaussian -colorspace gray -quality $(( 40 + (i * 7) % 31 )) "$img"; then
    echo "could not render $src; left out" >&2
    rm -f "$src" "$base.setting"
    return 0
  fi
  OMP_THREAD_LIMIT=1 nice -n 10 tesseract "$img" "$base.ocr" -l eng --psm 6 --dpi "$dpi" \
    -c tessedit_do_invert=0 2>/dev/null
  rm -f "$img"
  mv "$base.ocr.txt" "$base.ocr.tmp" && mv "$base.ocr.tmp" "$base.ocr.txt"
}
i=0
jobs_running=0
# The setting of a page is the i-th in this order (so the training pages get
# the settings they had before the dasher pages were added); a dasher page
# 2NN takes setting 2NN whichever pages are rendered with it.
pages=()
if [[ -n ${TEXT_FILE:-} ]]; then
  pages=("$out"/heldout/3*.src.txt)
else
  if [[ -z ${DASHER_HELDOUT_ONLY:-} ]]; then pages=("$out"/heldout/[01]*.src.txt "$out"/train/*.src.txt); fi
  pages+=("$out"/heldout/2*.src.txt)
fi
for src in "${pages[@]}"; do
  [[ -e $src ]] || continue
  name="$(basename "$src")"
  k=$i
  if [[ $src == */heldout/[23]* ]]; then k=$(( 10#${name%%.*} )); fi
  # JOBS pages at a time (default 1; the machine is shared).
  render_one "$k" "$src" &
  i=$(( i + 1 ))
  jobs_running=$(( jobs_running + 1 ))
  if (( jobs_running >= ${JOBS:-1} )); then wait -n; jobs_running=$(( jobs_running - 1 )); fi
done
wait
echo "rendered and read $i pages into $out" >&2
