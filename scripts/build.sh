#!/usr/bin/env bash
# Configures and builds finsam into build/ (binary: build/finsam).
# BUILD_TYPE (default RelWithDebInfo) and JOBS (default: cores) override.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
# ccache (optional) makes rebuilds after a branch switch cheap.
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "${launcher[@]}"
cmake --build build -j"${JOBS:-$(nproc)}"
