#!/usr/bin/env bash
# Issue 9's benchmark: the recompute with approved plans on 10% of the open cases of the
# demo portfolio against the same recompute without them, measured in the same run (see
# bench/bench_plans.cpp).
# Usage: bench/run_plans.sh [LOANS]   (default: 100000)
# Environment: BUILD (build directory, default build), WORK (where the demo database and
# its working copies go, default /tmp/rd-bench), AS_OF (default 2026-11-27), RUNS (timed
# recomputes of each copy, default 9).
# Needs `recoverydesk-cli` and `bench_plans` built in $BUILD. Writes
# bench/data/plans-N.log and prints it; the `BENCH {...}` line is JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
work=${WORK:-/tmp/rd-bench}
asof=${AS_OF:-2026-11-27}
n=${1:-100000}
cli=$build/src/cli/recoverydesk-cli
bench=$build/bench/bench_plans
[ -x "$cli" ] && [ -x "$bench" ] || {
  echo "build first: cmake --build $build --target recoverydesk-cli bench_plans"
  exit 1
}
mkdir -p "$work" bench/data
db=$work/plain$((n / 1000))k.db
[ "$n" -ge 1000 ] || db=$work/plain$n.db
# The demo without desk history (no cases, no plans), made once and only ever copied.
if [ ! -f "$db" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  echo "making $db ($n loans as of $asof, no history) ..."
  "$cli" --db "$db" demo --loans "$n" --as-of "$asof" --no-history >/dev/null
fi
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
RUNS=${RUNS:-9} "$bench" "$db" "$asof" "$work" | tee "bench/data/plans-$n.log"
