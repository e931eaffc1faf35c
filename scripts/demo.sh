#!/usr/bin/env bash
# The main job on the bundled corpus: install dependencies, build, ingest the
# born-digital PDFs and the text dumps into a fresh database, and print the
# förbund × year comparison of total income and of intervention costs.
# The database is left at build/demo.db (override with DEMO_DB=path).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
DB=${DEMO_DB:-build/demo.db}
rm -f "$DB"
rc=0
build/finsam ingest --db "$DB" corpus/*/text.pdf corpus/*/received.txt || rc=$?
if ((rc == 2)); then exit 2; fi
for metric in income.total cost.interventions; do
  echo
  echo "== finsam compare --metric $metric"
  build/finsam compare --db "$DB" --metric "$metric"
done
echo
echo "database: $DB (try: sqlite3 $DB 'SELECT * FROM v_documents')" >&2
exit "$rc"
