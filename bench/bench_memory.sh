#!/usr/bin/env bash
# Peak memory (maximum resident set size, /usr/bin/time -v) of `finsam
# extract` and `finsam ingest` on text dumps of 20 MB and 200 MB made by
# repeating corpus/*/received.txt, and on the corpus PDFs. finsam's budget
# (README "Memory budget") is 1 GB peak for any input it accepts; larger
# text is refused with one line and exit 1.
#   bash bench/bench_memory.sh            # after scripts/build.sh
#   FINSAM=build-x/finsam SIZES="5 20" bash bench/bench_memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
FINSAM=${FINSAM:-build/finsam}
SIZES=${SIZES:-"20 200"}
[[ -x "$FINSAM" ]] || bash scripts/build.sh >/dev/null
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Runs "$@" under /usr/bin/time -v; prints peak RSS, wall time and exit code.
measure() {
  local label=$1; shift
  local rc=0
  /usr/bin/time -v -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
  local kb wall
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$TMP/time")
  printf '%-44s %9.1f MB  %10s  exit %d  %s\n' "$label" "$(echo "$kb / 1024" | bc -l)" "$wall" "$rc" \
    "$(grep -m1 '^finsam: ' "$TMP/err" | cut -c1-90 || true)"
}

printf '%-44s %12s  %10s\n' "command" "peak RSS" "wall"
for f in corpus/*/text.pdf; do
  measure "extract $(basename "$(dirname "$f")")/text.pdf" "$FINSAM" extract "$f" --format json
done
for mb in $SIZES; do
  dump="$TMP/dump-${mb}mb.txt"
  target=$((mb * 1024 * 1024))
  : >"$dump"
  # Whole copies of the three dumps, no form feeds added: a long text.
  while (( $(stat -c %s "$dump") < target )); do cat corpus/*/received.txt >>"$dump"; done
  truncate -s "$target" "$dump"
  measure "extract ${mb} MB text dump" "$FINSAM" extract "$dump" --format json
  rm -f "$TMP/x.db"
  measure "ingest ${mb} MB text dump" "$FINSAM" ingest --quiet -j1 --db "$TMP/x.db" "$dump"
  rm -f "$dump"
done
