#!/usr/bin/env bash
# The whole test suite: install dependencies, build, and run every test
# (unit, golden, CLI, and the slower real-OCR tests labelled "ocr"), then the
# reliability build (scripts/sanitize.sh): the unit tests under ASan+UBSan
# and every fuzz target for a bounded time, in build-sanitize/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j2
bash scripts/sanitize.sh
