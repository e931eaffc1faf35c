#!/usr/bin/env bash
# The reliability build (README, "Reliability"): configures build-sanitize/
# with clang and FINSAM_FUZZ=ON (every finsam library with ASan+UBSan and
# libFuzzer coverage; the fuzz targets of tests/fuzz/; the unit tests of
# normalizers, extractors and pipeline), builds it and runs the fuzz targets
# for a bounded time (label "fuzz", FUZZ_SECONDS each, default 30) and the
# unit tests under the sanitizers (label "sanitize").
# JOBS (default: cores) overrides the build's parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# -O1 and line tables only: a sanitizer build compiles faster and still
# names file:line in every report.
CC=clang CXX=clang++ cmake -S . -B build-sanitize -DFINSAM_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
  -DFINSAM_FUZZ_SECONDS="${FUZZ_SECONDS:-30}" "${launcher[@]}"
cmake --build build-sanitize -j"${JOBS:-$(nproc)}"
built=$(date +%s)
ctest --test-dir build-sanitize --output-on-failure -j2 -L 'sanitize|fuzz'
end=$(date +%s)
# How far each fuzz target got (libFuzzer's -print_final_stats, kept in
# CTest's log): the README and the reliability notes quote these.
awk '/^[0-9]+\/[0-9]+ Test: /{name=$3} /stat::number_of_executed_units/{print "sanitize: " name " executed " $2 " inputs"}' \
  build-sanitize/Testing/Temporary/LastTest.log >&2 || true
echo "sanitize: build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s" >&2
