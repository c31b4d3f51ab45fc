#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds RecoveryDesk and runs every test:
# the Catch2 suites (ctest) and a short run of each libFuzzer target.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"
CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DRD_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build-fuzz -j "$jobs"
ctest --test-dir build-fuzz --output-on-failure
