#!/usr/bin/env bash
# Measures diacritic repair on an aligned pair: DAMAGED text and its GOLD
# (same lines, same whitespace-separated words).
#   scripts/measure_repair.sh [FINSAM_BINARY] [DAMAGED] [GOLD]
# Prints: damaged words, restored exactly (%), correct words, left untouched (%),
# and the list of misses (damaged → got, expected) with --misses.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/build/finsam}"
damaged="${2:-$here/corpus/gavleborg-vp-2020/received.txt}"
gold="${3:-$here/corpus/gavleborg-vp-2020/gold.txt}"
misses="${MISSES:-0}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$bin" repair "$damaged" > "$out"
awk -v misses="$misses" '
  FILENAME == ARGV[1] { d[FNR] = $0; next }
  FILENAME == ARGV[2] { g[FNR] = $0; next }
  {
    nd = split(d[FNR], dw, /[ \t\r\f\v]+/); ng = split(g[FNR], gw, /[ \t\r\f\v]+/); nr = split($0, rw, /[ \t\r\f\v]+/)
    if (nd != ng || nd != nr) { printf "line %d: word counts differ (%d/%d/%d)\n", FNR, nd, ng, nr; bad++; next }
    for (i = 1; i <= nd; i++) {
      if (dw[i] == "") continue
      if (dw[i] != gw[i]) { damaged++; if (rw[i] == gw[i]) restored++; else if (misses) printf "MISS %s -> %s (want %s)\n", dw[i], rw[i], gw[i] }
      else { correct++; if (rw[i] == dw[i]) untouched++; else if (misses) printf "HARM %s -> %s\n", dw[i], rw[i] }
    }
  }
  END {
    printf "damaged words %d, restored exactly %d (%.2f%%)\n", damaged, restored, damaged ? 100 * restored / damaged : 0
    printf "correct words %d, left untouched %d (%.2f%%)\n", correct, untouched, correct ? 100 * untouched / correct : 0
    if (bad) { printf "%d lines misaligned\n", bad; exit 1 }
  }' "$damaged" "$gold" "$out"
