#!/usr/bin/env bash
# Benchmarks the desk operations (recompute, call list, case file, saving a contact or a
# payment) on a demo portfolio, each against a floor measured in the same run.
# Usage: bench/run_desk.sh [LOANS]   (default: 100000)
# Environment: BUILD (build directory, default build), WORK (where the demo database and
# its working copies go, default /tmp/rd-bench), AS_OF (default 2026-11-27), RUNS (scales
# the repeated aging and recompute runs).
# Needs `recoverydesk-cli` and `bench_desk` built in $BUILD. Writes
# bench/data/desk-results-N.md and prints it; the `BENCH {...}` lines are JSON, one per measure.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
work=${WORK:-/tmp/rd-bench}
asof=${AS_OF:-2026-11-27}
n=${1:-100000}
cli=$build/src/cli/recoverydesk-cli
bench=$build/bench/bench_desk
[ -x "$cli" ] && [ -x "$bench" ] || {
  echo "build first: cmake --build $build --target recoverydesk-cli bench_desk"
  exit 1
}
mkdir -p "$work" bench/data
db=$work/desk$((n / 1000))k.db
[ "$n" -ge 1000 ] || db=$work/desk$n.db
# The demo database is made once with the real CLI and never written to afterwards: the
# benchmark works on copies of it.
if [ ! -f "$db" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  echo "making $db ($n loans as of $asof) ..."
  start=$(date +%s)
  "$cli" --db "$db" demo --loans "$n" --as-of "$asof" --no-history >/dev/null
  echo "demo database made in $(($(date +%s) - start)) s"
fi

out=bench/data/desk-results-$n.md
log=bench/data/desk-$n.log
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$bench" "$db" "$asof" "$work" | tee "$log"
{
  echo "### Desk operations, $n loans as of $asof, $(nproc) cores, $(date -u +%Y-%m-%d)"
  echo
  echo "Load average before the run: $load_before (other processes share the machine)."
  echo
  sed -n '/^| measure/,$p' "$log"
  echo
  echo '```'
  grep '^BENCH ' "$log"
  echo '```'
} >"$out"
echo
echo "written: $out"
