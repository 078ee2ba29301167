#!/usr/bin/env bash
# The people figures of issue 6 on this machine: one person's matches over the national data
# set (about 60,000 opportunities) and talent-pool searches over 300,000 generated job
# seekers, on SQLite and PostgreSQL.
#
# Usage: scripts/bench-people.sh [searches, default 500]
# Environment: ORGS (default 30000), PEOPLE (default 300000), WORK (a directory to keep the
# data in; reused when it already holds people.db), PG (default postgres://postgres@127.0.0.1;
# empty: skip PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
queries=${1:-500}
orgs=${ORGS:-30000}
people=${PEOPLE:-300000}
work=${WORK:-$(mktemp -d)}
pg=${PG-postgres://postgres@127.0.0.1}
mkdir -p "$work"
cargo build --release -q
bin=$PWD/target/release/kolmonen

echo "## Generating $orgs organizations and $people job seekers"
if [ ! -s "$work/people.db" ]; then
  /usr/bin/time -f "SQLite directory: %e s wall, %M kB peak" "$bin" --database "sqlite://$work/people.db" \
    gen-bench-data --organizations "$orgs"
  /usr/bin/time -f "SQLite people: %e s wall, %M kB peak" "$bin" --database "sqlite://$work/people.db" \
    gen-bench-people --profiles "$people"
fi
if [ -n "$pg" ] && psql "$pg/postgres" -qtAc "SELECT 1" >/dev/null 2>&1; then
  db=kolmonen_bench_people
  if [ "$(psql "$pg/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    psql "$pg/postgres" -qc "CREATE DATABASE $db"
    /usr/bin/time -f "PostgreSQL directory: %e s wall, %M kB peak" "$bin" --database "$pg/$db" \
      gen-bench-data --organizations "$orgs"
    /usr/bin/time -f "PostgreSQL people: %e s wall, %M kB peak" "$bin" --database "$pg/$db" \
      gen-bench-people --profiles "$people"
  fi
else
  pg=""
fi

echo
echo "## SQLite"
KOLMONEN_LOG=error /usr/bin/time -f "peak RSS %M kB" "$bin" --database "sqlite://$work/people.db" bench-people --queries "$queries"
if [ -n "$pg" ]; then
  echo
  echo "## PostgreSQL"
  KOLMONEN_LOG=error /usr/bin/time -f "peak RSS %M kB" "$bin" --database "$pg/kolmonen_bench_people" bench-people --queries "$queries"
fi
