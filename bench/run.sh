#!/usr/bin/env bash
# Benchmarks RecoveryDesk against floors measured in the same run, on two portfolio shapes:
# the demo portfolio and the heavy one (long weekly schedules, installments paid in parts,
# many reversals and charges; see bench/write_demo_files.cpp).
# Usage: [SHAPES="demo heavy"] [IMPORT_RUNS=N] [CLI=path] bench/run.sh [LOANS ...]   (default: 100000)
# Needs a build in build/ and sqlite3, hyperfine and GNU time (scripts/setup.sh installs
# the first; apt-get install hyperfine time for the others).
# Writes bench/data/results-N.md (one section per shape) and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${CLI:-build/src/cli/recoverydesk-cli} # CLI=path measures another build (say, before a change)
[ -x "$cli" ] && [ -x build/bench/write_demo_files ] || { echo "build first: cmake --build build"; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000)
asof=2026-11-28
past=2025-06-30
mkdir -p bench/data

seconds() { # run a command, print "elapsed_seconds max_rss_kib"
  /usr/bin/time -f "%e %M" -o bench/data/time.txt "$@" >/dev/null 2>bench/data/stderr.txt || {
    cat bench/data/stderr.txt; exit 1; }
  cat bench/data/time.txt
}
best_of() { # best_of RUNS PREPARE -- COMMAND...: the fastest "seconds rss" of RUNS runs
  local runs=$1 prepare=$2 best="" line
  shift 3
  for _ in $(seq "$runs"); do
    eval "$prepare"
    line=$(seconds "$@")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if ${line%% *} < ${best%% *} else 1)"; then
      best=$line
    fi
  done
  echo "$best"
}
mean_of() { # hyperfine mean seconds of a shell command
  hyperfine -N --warmup 1 --runs "${RUNS:-5}" --export-json bench/data/h.json "$1" >/dev/null 2>&1
  python3 -c 'import json;print(json.load(open("bench/data/h.json"))["results"][0]["mean"])'
}
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

read -r -a shapes <<< "${SHAPES:-demo heavy}"
for n in "${sizes[@]}"; do
 out=bench/data/results-$n.md
 : > "$out"
 for shape in "${shapes[@]}"; do
  dir=bench/data/$shape-$n
  if [ ! -f "$dir/payments.csv" ]; then
    rm -rf "$dir"
    build/bench/write_demo_files --shape "$shape" "$n" "$dir" "$asof" 7 >/dev/null
  fi
  csv_mb=$(du -sm "$dir" | cut -f1)
  rows=$(cat "$dir"/*.csv | wc -l)

  # Floor for loading: sqlite3's own .import of the same files into bare tables.
  rm -f bench/data/floor-$shape-$n.db
  cat > bench/data/floor.sql <<SQL
.import --csv $dir/clients.csv clients
.import --csv $dir/loans.csv loans
.import --csv $dir/schedule.csv schedule
.import --csv $dir/charges.csv charges
.import --csv $dir/payments.csv payments
SQL
  # Imports are long: the best of IMPORT_RUNS (default 3 up to 200,000 loans, else 1).
  import_runs=${IMPORT_RUNS:-$([ "$n" -le 200000 ] && echo 3 || echo 1)}
  read -r floor_import floor_import_rss < <(best_of "$import_runs" "rm -f bench/data/floor-$shape-$n.db" -- \
    sqlite3 bench/data/floor-$shape-$n.db ".read bench/data/floor.sql")
  rm -f bench/data/floor-$shape-$n.db
  read -r rd_import rd_import_rss < <(best_of "$import_runs" "rm -f bench/data/rd-$shape-$n.db*" -- \
    "$cli" --db bench/data/rd-$shape-$n.db import "$dir")

  # Floor for reading: one plain SQL scan of the same schedule and payment rows.
  scan="sqlite3 bench/data/rd-$shape-$n.db 'SELECT count(*), sum(principal_due), sum(interest_due), sum(fee_due), max(due_date) FROM installments; SELECT count(*), sum(amount), max(paid_on), max(reversed_on) FROM payments;'"
  floor_scan=$(mean_of "bash -c \"$scan\"")
  aging_past=$(mean_of "$cli --db bench/data/rd-$shape-$n.db report aging --as-of $past --format json")
  aging_today=$(mean_of "$cli --db bench/data/rd-$shape-$n.db report aging --as-of $asof --by officer --format json")
  read -r _ aging_rss < <(seconds "$cli" --db bench/data/rd-$shape-$n.db report aging --as-of $asof --format json)
  loan_id=$(sqlite3 bench/data/rd-$shape-$n.db "SELECT loan_id FROM loans WHERE id = (SELECT max(id)/2 FROM loans)")
  one_loan=$(mean_of "$cli --db bench/data/rd-$shape-$n.db loan $loan_id --as-of $asof --format json")
  engine=""
  [ "$shape" = demo ] && engine=$(build/bench/bench_engine "$n" "$asof" 2>/dev/null || true)

  {
    echo "### $shape shape, $n loans ($rows CSV rows, $csv_mb MB), $(nproc) cores, $(date -u +%Y-%m-%d)"
    echo
    echo "| measure | RecoveryDesk | floor | ratio | target |"
    echo "|---|---|---|---|---|"
    echo "| import (s, best of $import_runs) | $rd_import | $floor_import (sqlite3 .import into bare tables) | $(ratio "$rd_import" "$floor_import") | <= 2 |"
    echo "| aging as of $past (s) | $(printf %.3f "$aging_past") | $(printf %.3f "$floor_scan") (one SQL scan of installments and payments) | $(ratio "$aging_past" "$floor_scan") | <= 1 |"
    echo "| aging as of $asof by officer (s) | $(printf %.3f "$aging_today") | $(printf %.3f "$floor_scan") | $(ratio "$aging_today" "$floor_scan") | <= 1 |"
    echo "| one loan, CLI start to JSON (s) | $(printf %.3f "$one_loan") | | | |"
    echo "| peak memory, import (MiB) | $((rd_import_rss / 1024)) | $((floor_import_rss / 1024)) | | < 1024 |"
    echo "| peak memory, aging (MiB) | $((aging_rss / 1024)) | | | < 1024 |"
    echo
    if [ -n "$engine" ]; then
      echo '```'
      echo "$engine"
      echo '```'
      echo
    fi
  } >> "$out"
 done
 cat "$out"
done
