#!/usr/bin/env bash
# The whole test suite: install dependencies, build, and run every test
# (unit, golden, CLI, and the slower real-OCR tests labelled "ocr"), then the
# reliability build (scripts/sanitize.sh: the unit tests of normalizers,
# extractors and pipeline under ASan+UBSan, and each fuzz target for
# FUZZ_SECONDS, default 30). SKIP_SANITIZE=1 skips the reliability build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j2
if [[ "${SKIP_SANITIZE:-0}" != 1 ]]; then
  bash scripts/sanitize.sh
fi
