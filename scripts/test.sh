#!/usr/bin/env bash
# The whole test suite: install dependencies, build, and run every test
# (unit, golden, CLI, and the slower real-OCR tests labelled "ocr").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j2
