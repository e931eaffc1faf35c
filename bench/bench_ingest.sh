#!/usr/bin/env bash
# Whole-process timing of `finsam ingest` (fresh database each run) on the
# born-digital corpus PDFs against `pdftotext -layout` on the same files.
# Prints the median of RUNS runs (default 15) for each and their ratio.
# Uses hyperfine when installed (and NO_HYPERFINE is unset), else a loop
# timed with `date +%s%N`.
#   bash bench/bench_ingest.sh            # after scripts/build.sh
#   FINSAM=build-x/finsam RUNS=30 bash bench/bench_ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
FINSAM=${FINSAM:-build/finsam}
RUNS=${RUNS:-15}
[[ -x "$FINSAM" ]] || bash scripts/build.sh >/dev/null
command -v pdftotext >/dev/null || { echo "bench: pdftotext not found (apt-get install poppler-utils)" >&2; exit 1; }

FILES=(corpus/*/text.pdf)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/x.db"

finsam_cmd="$FINSAM ingest --quiet --db $DB ${FILES[*]}"
pdftotext_cmd=""
for f in "${FILES[@]}"; do
  pdftotext_cmd+="${pdftotext_cmd:+ && }pdftotext -layout $f $TMP/$(basename "$(dirname "$f")").txt"
done

# Sanity: the measured finsam command must succeed.
rm -f "$DB"
$FINSAM ingest --quiet --db "$DB" "${FILES[@]}"
facts=$(sqlite3 "$DB" 'SELECT count(*) FROM v_financial' 2>/dev/null || echo "?")

median_ms() {  # reads numbers (ns) on stdin, prints the median in ms
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m / 1e6 }'
}

if [[ -z "${NO_HYPERFINE:-}" ]] && command -v hyperfine >/dev/null 2>&1; then
  tool="hyperfine"
  hyperfine --warmup 2 --runs "$RUNS" --style basic --export-json "$TMP/h.json" \
    --prepare "rm -f $DB" -n finsam "$finsam_cmd" -n "pdftotext -layout" "$pdftotext_cmd" >&2
  # The JSON lists results in command order; the median is in seconds.
  mapfile -t medians < <(grep -o '"median": *[0-9.e+-]*' "$TMP/h.json" | sed 's/.*: *//')
  finsam_ms=$(awk -v s="${medians[0]}" 'BEGIN { printf "%.2f", s * 1000 }')
  pdftotext_ms=$(awk -v s="${medians[1]}" 'BEGIN { printf "%.2f", s * 1000 }')
  # Mean CPU time (user + system) per command: less sensitive than wall time
  # to other load on the machine.
  mapfile -t users < <(grep -o '"user": *[0-9.e+-]*' "$TMP/h.json" | sed 's/.*: *//')
  mapfile -t systems < <(grep -o '"system": *[0-9.e+-]*' "$TMP/h.json" | sed 's/.*: *//')
  cpu_note=$(awk -v fu="${users[0]}" -v fs="${systems[0]}" -v pu="${users[1]}" -v ps="${systems[1]}" \
    'BEGIN { f = (fu + fs) * 1000; p = (pu + ps) * 1000; printf "mean CPU time (user+sys): finsam %.1f ms, pdftotext %.1f ms, ratio %.2f", f, p, f / p }')
else
  tool="date loop"
  run() {  # label command: prints one wall time (ns) per run
    for ((i = 0; i < RUNS + 2; i++)); do
      rm -f "$DB"
      t0=$(date +%s%N)
      bash -c "$1" >/dev/null
      t1=$(date +%s%N)
      ((i >= 2)) && echo $((t1 - t0))  # first two runs are warm-up
    done
  }
  finsam_ms=$(run "$finsam_cmd" | median_ms)
  pdftotext_ms=$(run "$pdftotext_cmd" | median_ms)
fi

ratio=$(awk -v a="$finsam_ms" -v b="$pdftotext_ms" 'BEGIN { printf "%.2f", a / b }')
echo "files: ${FILES[*]}"
echo "timing: $tool, $RUNS runs, median wall time of the whole process"
echo "finsam ingest (fresh db, $facts facts): $finsam_ms ms"
echo "pdftotext -layout:                    $pdftotext_ms ms"
echo "ratio finsam / pdftotext:             $ratio (target <= 3)"
if [[ -n "${cpu_note:-}" ]]; then echo "$cpu_note"; fi
