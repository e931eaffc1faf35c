#!/usr/bin/env bash
# The whole test suite: install dependencies, build, and run every test
# (unit, golden, CLI, and the slower real-OCR tests labelled "ocr").
# The reliability build (scripts/sanitize.sh: unit tests under ASan+UBSan,
# fuzz targets) is a separate command for now: it has not yet been run end to
# end on an idle machine, so CI does not depend on it (README, "Reliability").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j2
