#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds RecoveryDesk, creates the demo portfolio
# (2,000 loans, as of today) in build/demo.db and prints its aging report.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$(nproc)" --target recoverydesk-cli
db=build/demo.db
if [ ! -f "$db" ]; then
  build/src/cli/recoverydesk-cli --db "$db" demo
fi
build/src/cli/recoverydesk-cli --db "$db" report aging
build/src/cli/recoverydesk-cli --db "$db" report aging --by branch
