#!/usr/bin/env bash
# Configures and builds finsam into build/ (binary: build/finsam).
# BUILD_TYPE (default RelWithDebInfo) and JOBS (default: cores) override.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
cmake --build build -j"${JOBS:-$(nproc)}"
