#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds RecoveryDesk, creates the demo portfolio
# (2,000 loans as of today, with demo users) in build/demo.db on the first run, and opens
# the workstation on it. Without a display it prints the aging report instead and says how
# to see the screens.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$(nproc)" --target recoverydesk-cli recoverydesk
db=build/demo.db
if [ ! -f "$db" ]; then
  build/src/cli/recoverydesk-cli --db "$db" demo
fi
build/src/cli/recoverydesk-cli --db "$db" recompute
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening RecoveryDesk on $db: sign in as rec.kampala-central (officer), sup.kampala-central"
  echo "(supervisor) or admin, password demo1234."
  exec build/src/app/recoverydesk --db "$db"
fi
echo "No display: here is the demo portfolio's aging report instead."
build/src/cli/recoverydesk-cli --db "$db" report aging --by branch
echo "Render every screen to PNG files with:"
echo "  QT_QPA_PLATFORM=offscreen build/src/app/recoverydesk --db $db --screenshots /tmp/screens"
