#!/usr/bin/env bash
# Flame graphs of one broad query — the most frequent word of the national data alone, whole
# country, results cache off — on both engines: through the database's full-text index (all a
# node had before issue 15, and what it answers with while its index loads) and through the
# index in memory. Writes WORK/flame-*.svg and prints the top of each profile.
#
# Usage: WORK=dir-with-kolmonen.db scripts/flamegraph-search.sh [searches per graph, default 20]
# Environment: PG (default postgres://postgres@127.0.0.1; empty: skip PostgreSQL), database
# kolmonen_bench_search as scripts/bench-search.sh makes it.
# Needs perf (Debian's linux-perf) and inferno (`cargo install inferno`). Builds a release binary
# with line tables and frame pointers (profile `profiling`, its own target directory).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
work=${WORK:?WORK must name the directory that holds kolmonen.db}
pg=${PG-postgres://postgres@127.0.0.1}
RUSTFLAGS="-C force-frame-pointers=yes" cargo build --profile profiling -q --target-dir target/frames
bin=$PWD/target/frames/profiling/kolmonen
dbs=("sqlite://$work/kolmonen.db")
[ -n "$pg" ] && dbs+=("$pg/kolmonen_bench_search")
for db in "${dbs[@]}"; do
  engine=sqlite
  [[ "$db" == postgres* ]] && engine=postgres
  "$bin" --database "$db" bench-search --frequent-words 1 --list | grep '^q=' >"$work/flame-query.txt"
  for mode in store memory; do
    # The store takes about a second a search, memory about half a millisecond.
    args=(--query-file "$work/flame-query.txt" --passes "$((n * 1000))")
    [ "$mode" = store ] && args=(--query-file "$work/flame-query.txt" --passes "$n" --store-only)
    out="$work/flame-$engine-$mode"
    # System-wide on PostgreSQL: the time of a store search is in the server's backend.
    scope=()
    [ "$engine" = postgres ] && scope=(-a)
    perf record -q -F 499 -g "${scope[@]}" -o "$out.data" -- "$bin" --database "$db" bench-search "${args[@]}" \
      2>/dev/null | sed "s/^/$engine, $mode: /"
    # The memory graph leaves out loading the index (it is timed on its own) and the other
    # processes of the machine.
    perf script -i "$out.data" 2>/dev/null | inferno-collapse-perf \
      | if [ "$mode" = memory ]; then grep -v 'load_memory' | grep '^kolmonen;'; else cat; fi >"$out.folded"
    inferno-flamegraph --title "$(cat "$work/flame-query.txt"), $engine, $mode" \
      <"$out.folded" >"$out.svg"
    echo "$engine, $mode: top of the profile (self time, share of samples) -> $out.svg"
    perf report -i "$out.data" --no-children --sort comm,dso,symbol --stdio 2>/dev/null \
      | grep -E '^ +[0-9]' | head -12 || true
  done
done
