#!/usr/bin/env bash
# Renders every main screen of RecoveryDesk at 1366x768 into docs/screenshots/ from a fresh
# demo portfolio (2,000 loans, seed 1, as of 2026-11-27), offscreen: no display needed.
# BUILD=DIR uses another build directory. The same command a developer runs after every UI change; look at the PNGs afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target recoverydesk-cli recoverydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build"/src/cli/recoverydesk-cli --db "$work/demo.db" demo --as-of 2026-11-27 --seed 1 >/dev/null
QT_QPA_PLATFORM=offscreen "$build"/src/app/recoverydesk --db "$work/demo.db" --date 2026-11-27 \
  --screenshots docs/screenshots
