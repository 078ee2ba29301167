#!/usr/bin/env bash
# HSDS export and import figures on both engines: the demo data and N generated
# organizations (default 10,000). Prints each run's own report (counts, seconds, records/s)
# and the wall time and peak memory from /usr/bin/time.
#   scripts/bench-hsds.sh [N]
# PostgreSQL: KOLMONEN_BENCH_PG (default postgres://postgres@127.0.0.1:5432); skipped if
# psql cannot reach it.
set -euo pipefail
n=${1:-10000}
pg=${KOLMONEN_BENCH_PG:-postgres://postgres@127.0.0.1:5432}
cargo build --release -q
bin=$PWD/target/release/kolmonen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KOLMONEN_LOG=warn
run() { /usr/bin/time -f "    wall %e s, peak RSS %M KB" "$@" 2>&1; }
engines=(sqlite)
psql "$pg/postgres" -qc 'SELECT 1' >/dev/null 2>&1 && engines+=(postgres)
for data in demo generated; do
  for engine in "${engines[@]}"; do
    echo "== $data, $engine"
    if [ "$engine" = sqlite ]; then
      src="sqlite://$work/$data-src.db"; dst="sqlite://$work/$data-dst.db"
    else
      for db in kolmonen_bench_src kolmonen_bench_dst; do
        psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null
      done
      src="$pg/kolmonen_bench_src"; dst="$pg/kolmonen_bench_dst"
    fi
    if [ "$data" = demo ]; then
      "$bin" --database "$src" seed demo 2>/dev/null
    else
      run "$bin" --database "$src" gen-bench-data --organizations "$n"
    fi
    echo "  export:"; run "$bin" --database "$src" export hsds "$work/$data-$engine"
    echo "  import into an empty database:"; run "$bin" --database "$dst" import hsds "$work/$data-$engine"
    echo "  import again (updates):"; run "$bin" --database "$dst" import hsds "$work/$data-$engine"
    rm -rf "$work/$data-$engine"
  done
done
