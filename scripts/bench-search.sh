#!/usr/bin/env bash
# The search figures of issues 4 and 15, in one run on this machine: generating and indexing the
# national data set, server time of the typical query on SQLite and PostgreSQL, the HTML
# search page under wrk, and Datasette side by side (same data, same queries, same run).
#
# Usage: scripts/bench-search.sh [seconds per wrk run, default 30]
# Environment: ORGS (default 30000), WORK (a directory to keep the data in; reused when it
# already holds kolmonen.db), PG (default postgres://postgres@127.0.0.1; empty: skip PostgreSQL).
# Needs python3 (the peer is installed into WORK/venv from PyPI) and wrk (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
orgs=${ORGS:-30000}
work=${WORK:-$(mktemp -d)}
pg=${PG-postgres://postgres@127.0.0.1}
mkdir -p "$work" "$work/peer" "$work/peer-demo"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release -q
bin=$PWD/target/release/kolmonen
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

echo "## Generating and indexing $orgs organizations"
if [ ! -s "$work/kolmonen.db" ]; then
  /usr/bin/time -f "SQLite: %e s wall, %M kB peak" "$bin" --database "sqlite://$work/kolmonen.db" \
    gen-bench-data --organizations "$orgs"
fi
if [ -n "$pg" ] && psql "$pg/postgres" -qtAc "SELECT 1" >/dev/null 2>&1; then
  db=kolmonen_bench_search
  if [ "$(psql "$pg/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    psql "$pg/postgres" -qc "CREATE DATABASE $db"
    /usr/bin/time -f "PostgreSQL: %e s wall, %M kB peak" "$bin" --database "$pg/$db" \
      gen-bench-data --organizations "$orgs"
  fi
else
  pg=""
fi

echo
echo "## Typical query (words, municipality, one more facet, 30 km), server time in the process"
"$bin" --database "sqlite://$work/kolmonen.db" bench-search --queries 500 | sed 's/^/SQLite: /'
[ -n "$pg" ] && "$bin" --database "$pg/kolmonen_bench_search" bench-search --queries 500 2>/dev/null | sed 's/^/PostgreSQL: /'

echo
echo "## Broad queries (issue 15): each of the 200 most frequent words of the data alone, whole country,"
echo "## facets counted, results cache off, server time in the process on one core, 3 passes"
taskset -c 0 "$bin" --database "sqlite://$work/kolmonen.db" bench-search --frequent-words 200 --passes 3 --slowest 3 | sed 's/^/SQLite: /'
[ -n "$pg" ] && taskset -c 0 "$bin" --database "$pg/kolmonen_bench_search" bench-search --frequent-words 200 --passes 3 --slowest 3 2>/dev/null | sed 's/^/PostgreSQL: /'
echo "The 20 most frequent words through the database's full-text index (what a node answers with while"
echo "its index loads, and all it had before issue 15):"
"$bin" --database "sqlite://$work/kolmonen.db" bench-search --frequent-words 20 --list | grep '^q=' >"$work/words20.txt"
taskset -c 0 "$bin" --database "sqlite://$work/kolmonen.db" bench-search --query-file "$work/words20.txt" --store-only | sed 's/^/SQLite, store only: /'
[ -n "$pg" ] && taskset -c 0 "$bin" --database "$pg/kolmonen_bench_search" bench-search --query-file "$work/words20.txt" --store-only 2>/dev/null | sed 's/^/PostgreSQL, store only: /'

echo
echo "## The peer: the same records in Datasette"
[ -x "$work/venv/bin/datasette" ] || { python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q datasette sqlite-utils; }
"$work/venv/bin/datasette" --version
if [ ! -s "$work/peer/peer.db" ]; then
  python3 scripts/peer.py build "$work/kolmonen.db" "$work/peer/peer.db"
  "$work/venv/bin/sqlite-utils" enable-fts "$work/peer/peer.db" records name name_sv name_en \
    description description_sv description_en --fts5 --create-triggers
fi
"$bin" bench-search --queries 500 --list >"$work/kolmonen-queries.txt"
sed 's#^#/fi/search?#' "$work/kolmonen-queries.txt" >"$work/kolmonen-paths.txt"
python3 scripts/peer.py paths <"$work/kolmonen-queries.txt" >"$work/peer-paths.txt"
# Issue 15: the 200 most frequent words, alone, as the API, the page and the peer's JSON and page.
"$bin" --database "sqlite://$work/kolmonen.db" bench-search --frequent-words 200 --list | grep '^q=' >"$work/words-queries.txt"
sed 's#^#/api/v1/search?#' "$work/words-queries.txt" >"$work/words-api-paths.txt"
sed 's#^#/fi/search?#' "$work/words-queries.txt" >"$work/words-html-paths.txt"
python3 scripts/peer.py paths --json <"$work/words-queries.txt" >"$work/words-peer-json-paths.txt"
python3 scripts/peer.py paths <"$work/words-queries.txt" >"$work/words-peer-html-paths.txt"
for side in kolmonen peer words-api words-html words-peer-json words-peer-html; do
  cat >"$work/$side.lua" <<EOF
local paths = {}
for line in io.lines("$work/$side-paths.txt") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF
done

wait_for() { for _ in $(seq 600); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "no answer from $1"; exit 1; }
peer_serve() { # log name: Datasette on the national peer, on core 0, at the next port; sets pid
  port=$((port + 1))
  (cd "$work/peer" && exec taskset -c 0 "$work/venv/bin/datasette" serve peer.db --immutable peer.db \
    -h 127.0.0.1 -p "$port" --setting suggest_facets off --setting default_page_size 20) \
    >"$work/$1.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait_for "http://127.0.0.1:$port/peer"
}
load() { # name, base URL, lua script, server pid
  local out rps p50 p99 n errs
  out=$(taskset -c 1 wrk -t1 -c16 -d"${secs}s" --timeout 10s --latency -s "$3" "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  errs=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' | paste -sd ';' || true)
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$n" "$rps" "$p50" "$p99" "${errs:-0}" \
    "$(awk '/VmHWM/ {print $2, $3}' "/proc/$4/status")"
}

echo
echo "## Under load: wrk -t1 -c16 -d${secs}s, 500 queries in turn; server on core 0, wrk on core 1"
echo
echo "| server | requests | requests/s | p50 | p99 | errors | server peak RSS |"
echo "|---|---|---|---|---|---|---|"
port=18400
for cache in default 0; do
  port=$((port + 1))
  args=()
  [ "$cache" = 0 ] && args=(--search-cache 0)
  taskset -c 0 "$bin" --database "sqlite://$work/kolmonen.db" serve --no-demo --addr "127.0.0.1:$port" \
    "${args[@]}" >"$work/serve-$port.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  # Traffic once the node says it is ready (its search index is in memory), as a load
  # balancer sends it.
  wait_for "http://127.0.0.1:$port/readyz"
  name="Kolmonen /fi/search (HTML), SQLite"
  [ "$cache" = 0 ] && name="$name, results cache off"
  load "$name" "http://127.0.0.1:$port" "$work/kolmonen.lua" "$pid"
  kill "$pid"
done
peer_serve datasette
load "Datasette /peer/records (HTML), same words and filters, 4 facets" "http://127.0.0.1:$port" \
  "$work/peer.lua" "$pid"
kill "$pid"

echo
echo "## Broad queries under load (issue 15): the 200 most frequent words alone, wrk -t1 -c16 -d${secs}s;"
echo "## server on core 0 with the results cache off, wrk on core 1"
echo
echo "| server | requests | requests/s | p50 | p99 | errors | server peak RSS |"
echo "|---|---|---|---|---|---|---|"
engines=("sqlite://$work/kolmonen.db")
[ -n "$pg" ] && engines+=("$pg/kolmonen_bench_search")
for db in "${engines[@]}"; do
  port=$((port + 1))
  engine=SQLite
  [[ "$db" == postgres* ]] && engine=PostgreSQL
  started=$(date +%s.%N)
  taskset -c 0 "$bin" --database "$db" serve --no-demo --addr "127.0.0.1:$port" --search-cache 0 \
    >"$work/serve-$port.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait_for "http://127.0.0.1:$port/healthz"
  up=$(date +%s.%N)
  wait_for "http://127.0.0.1:$port/readyz"
  ready=$(date +%s.%N)
  echo "| ($engine: /healthz after $(echo "$up - $started" | bc) s, /readyz after $(echo "$ready - $started" | bc) s, RSS then $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")) | | | | | | |"
  load "Kolmonen /api/v1/search, $engine" "http://127.0.0.1:$port" "$work/words-api.lua" "$pid"
  load "Kolmonen /fi/search (HTML), $engine" "http://127.0.0.1:$port" "$work/words-html.lua" "$pid"
  kill "$pid"
done
peer_serve datasette-words
load "Datasette /peer/records.json, same words, 4 facets" "http://127.0.0.1:$port" "$work/words-peer-json.lua" "$pid"
load "Datasette /peer/records (HTML), same words, 4 facets" "http://127.0.0.1:$port" "$work/words-peer-html.lua" "$pid"
kill "$pid"

echo
echo "## Relevance set on the demo data: Kolmonen and the peer"
rm -f "$work/demo.db"* "$work/peer-demo/peer.db"
"$bin" --database "sqlite://$work/demo.db" seed demo 2>/dev/null
"$bin" --database "sqlite://$work/demo.db" search-eval | tail -1 | sed 's/^/Kolmonen: /'
python3 scripts/peer.py build "$work/demo.db" "$work/peer-demo/peer.db" >/dev/null
"$work/venv/bin/sqlite-utils" enable-fts "$work/peer-demo/peer.db" records name name_sv name_en \
  description description_sv description_en --fts5 --create-triggers
port=$((port + 1))
(cd "$work/peer-demo" && exec "$work/venv/bin/datasette" serve peer.db --immutable peer.db \
  -h 127.0.0.1 -p "$port" --setting suggest_facets off) >"$work/datasette-demo.log" 2>&1 &
pid=$!
pids+=("$pid")
wait_for "http://127.0.0.1:$port/peer"
python3 scripts/peer.py relevance "http://127.0.0.1:$port" data/search/relevance.txt | tail -1 | sed 's/^/Datasette: /'
echo
echo "(data kept in $work)"
