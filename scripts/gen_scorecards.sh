#!/usr/bin/env bash
# Prints the made-up scorecard (styrkort) pages in tests/data/scorecards/*.html
# to PDF with headless Chromium (a test-generation tool, scripts/setup.sh).
# The PDFs are committed; tests/pipeline/scorecard_pdf_test.cc reads them.
set -euo pipefail
cd "$(dirname "$0")/../tests/data/scorecards"
for html in *.html; do
  nice -n 10 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="${html%.html}.pdf" "file://$PWD/$html" >/dev/null 2>&1
done
ls -l ./*.pdf
