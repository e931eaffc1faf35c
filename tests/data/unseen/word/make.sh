#!/bin/bash
# Regenerates the made-up Word documents of this folder (README.md) from their
# hand-written sources: ID.src.txt -> ID.fodt (md2fodt.py) -> ID.pdf
# (LibreOffice Writer), an image-only scan ID.scan.pdf (pdftoppm, ImageMagick:
# slight rotation, noise, 1-bit; img2pdf) and an English-model Tesseract dump
# ID.ocr.txt of the clean page images (default --psm 3, a spec's fourth field
# another; one form feed after each page). The tests read the committed outputs; nothing here runs in CI.
# Needs: soffice (libreoffice-writer-nogui), poppler-utils, imagemagick,
# img2pdf, tesseract-ocr-eng; the fonts fonts-crosextra-carlito (w20, w32, w42) and
# fonts-crosextra-caladea (w31), fonts-open-sans (w35) and fonts-ebgaramond (w36).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# bash make.sh [ID...]: only the documents named (the others' scans and dumps
# stay as committed; the speckle is random, so a rerun changes them).
only=" $* " all=$(($# == 0))
for spec in "w1-vp-sydnarke 200 0.6" "w2-ar-varmland 240 -0.5" "w3-vp-sydnarke-tabs 300 0.8" \
  "w4-ar-vastraostergotland-tabs 250 -0.4" "w5-vp-kalmar-mnkr 220 0.3" "w6-ar-norrbotten-borderless 200 -0.7" \
  "w7-dr-uppsala 180 0.5" "w8-vp-ostraskaraborg 260 -0.6" \
  "w9-ar-aseledorotea 230 0.4" "w10-vp-centralaostergotland 240 -0.8" \
  "w11-ar-malardalenvast 200 0.7" "w12-vp-norraalvsborg 220 -0.5" \
  "w13-ar-sodradalarna 210 0.6" "w14-ar-ostrasodertorn 190 -0.3" \
  "w15-vp-ljusdalhudiksvall 220 0.4" "w16-ar-vasternorrland 240 -0.6" "w17-vp-umea 210 0.5" \
  "w18-vp-gotland 200 -0.4" "w19-ar-halland 230 0.3" "w20-vp-blekinge 250 -0.5" \
  "w21-ar-jonkoping 220 0.6" "w22-dr-skelleftea 200 -0.4" "w23-ar-vastramalardalen 230 0.5" \
  "w24-vp-sormland 240 -0.6" "w25-ar-malmo 210 0.4" \
  "w26-vp-helsingborg 220 -0.5" "w27-ar-norrtalje 230 0.6" \
  "w28-vp-vast 210 -0.3" "w29-vp-stockholm 230 0.4" "w30-ar-goteborg 220 -0.5" \
  "w31-ar-vasteras 240 0.4" "w32-vp-kristianstad 210 -0.4" "w33-dr-sundsvall 200 0.5" "w34-vp-norralappland 230 -0.6" \
  "w35-vp-nedredalalven 220 0.4" "w36-ar-lidkopinggotene 250 -0.5" \
  "w37-ar-vastraskaraborg 210 0.5" "w38-dr-norrabohuslan 240 -0.4" \
  "w39-vp-sodraroslagen 220 0.5" "w40-ar-sjuharad 230 -0.5" "w41-dr-trelleborg 200 0.4" \
  "w42-vp-hoglandet 220 -0.4" "w43-ar-norravastmanland 240 0.5 4" "w44-vp-ostravarmland 210 -0.3" \
  "w45-ar-nordostraskane 200 0.6 6" "w46-vp-mittskane 230 -0.5" "w47-ar-odeshogboxholm 220 0.4" \
  "w48-vp-consensus 240 -0.5"; do
  set -- $spec
  id=$1 dpi=$2 rot=$3 psm=${4:-3}  # (a fourth field: the dump's page segmentation mode, w43: 4, w45: 6)
  ((all)) || [[ "$only" == *" $id "* ]] || continue
  python3 md2fodt.py "$id.src.txt" "$id.fodt"
  soffice --headless "-env:UserInstallation=file://$tmp/profile" --convert-to pdf --outdir . "$id.fodt" >/dev/null
  pdftoppm -r "$dpi" -gray -png "$id.pdf" "$tmp/$id"
  : >"$id.ocr.txt"
  for p in "$tmp/$id"-*.png; do
    convert "$p" -background white -rotate "$rot" +repage -attenuate 3 +noise Gaussian -threshold 50% \
      -type bilevel -compress Group4 "${p%.png}.tif"
    OMP_THREAD_LIMIT=1 tesseract "$p" - -l eng --psm "$psm" 2>/dev/null >>"$id.ocr.txt"
    printf '\f' >>"$id.ocr.txt"
  done
  img2pdf --pagesize A4 "$tmp/$id"-*.tif -o "$id.scan.pdf"
done
