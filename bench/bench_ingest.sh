#!/usr/bin/env bash
# Whole-process timing of `finsam ingest --ocr never -j2` (fresh database
# each run) against `pdftotext -layout` on the same born-digital PDFs.
# Prints the median wall time and the median CPU time (user + sys) of RUNS
# runs (default 15) for each, and their ratios (targets: wall <= 3x,
# CPU <= 4x).
#   SET=corpus    the corpus's text.pdf files (default)
#   SET=realdocs  the real born-digital reports in ../shared/realdocs/goteborg
#                 and brf (read in place, never copied)
#   SET=all       both
# Times with bash's `time` (wall, user, sys of the child processes); the
# first two runs are warm-up. Other load on the machine shows in wall time
# more than in CPU time.
#   bash bench/bench_ingest.sh            # after scripts/build.sh
#   SET=realdocs RUNS=7 bash bench/bench_ingest.sh
#   FINSAM=build-x/finsam RUNS=30 bash bench/bench_ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
FINSAM=${FINSAM:-build/finsam}
RUNS=${RUNS:-15}
SET=${SET:-corpus}
JOBS=${JOBS:-2}
[[ -x "$FINSAM" ]] || bash scripts/build.sh >/dev/null
command -v pdftotext >/dev/null || { echo "bench: pdftotext not found (apt-get install poppler-utils)" >&2; exit 1; }

REALDOCS=${REALDOCS:-../shared/realdocs}
FILES=()
if [[ "$SET" == corpus || "$SET" == all ]]; then FILES+=(corpus/*/text.pdf); fi
if [[ "$SET" == realdocs || "$SET" == all ]]; then
  [[ -d "$REALDOCS/goteborg" ]] || { echo "bench: $REALDOCS/goteborg not found" >&2; exit 1; }
  FILES+=("$REALDOCS"/goteborg/*.pdf "$REALDOCS"/brf/*.pdf)
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/x.db"

quoted=$(printf '%q ' "${FILES[@]}")
finsam_cmd="$FINSAM ingest --quiet --ocr never -j$JOBS --db $DB $quoted"
pdftotext_cmd=""
n=0
for f in "${FILES[@]}"; do
  pdftotext_cmd+="${pdftotext_cmd:+ && }pdftotext -layout $(printf '%q' "$f") $TMP/$((n++)).txt"
done

# Sanity: the measured finsam command must succeed.
rm -f "$DB"
bash -c "$finsam_cmd"
facts=$(sqlite3 "$DB" 'SELECT count(*) FROM v_financial' 2>/dev/null || echo "?")
pages=$(sqlite3 "$DB" 'SELECT count(*) FROM pages' 2>/dev/null || echo "?")

run() {  # command: prints "wall user sys" (seconds) per measured run
  local TIMEFORMAT='%R %U %S'
  for ((i = 0; i < RUNS + 2; i++)); do
    rm -f "$DB"
    if ((i >= 2)); then
      { time bash -c "$1" >/dev/null 2>&1; } 2>&1
    else
      bash -c "$1" >/dev/null 2>&1
    fi
  done
}
median() {  # column: median of that column (seconds) in ms
  awk -v c="$1" '{ print (c == 1 ? $1 : $2 + $3) }' | sort -n |
    awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m * 1000 }'
}
run "$finsam_cmd" >"$TMP/f.txt"
run "$pdftotext_cmd" >"$TMP/p.txt"
fw=$(median 1 <"$TMP/f.txt"); fc=$(median 2 <"$TMP/f.txt")
pw=$(median 1 <"$TMP/p.txt"); pc=$(median 2 <"$TMP/p.txt")

echo "set: $SET, ${#FILES[@]} files, $pages pages; $RUNS runs (+2 warm-up), medians of the whole process"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s wall %9s ms  cpu %9s ms\n' "finsam ingest --ocr never -j$JOBS ($facts facts)" "$fw" "$fc"
printf '%-44s wall %9s ms  cpu %9s ms\n' "pdftotext -layout" "$pw" "$pc"
awk -v a="$fw" -v b="$pw" -v c="$fc" -v d="$pc" \
  'BEGIN { printf "ratio finsam / pdftotext: wall %.2f (target <= 3), cpu %.2f (target <= 4)\n", a / b, c / d }'
