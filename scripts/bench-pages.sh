#!/usr/bin/env bash
# Throughput and latency of the main page types on the demo data (SQLite), server and load
# generator pinned to different cores. Usage: scripts/bench-pages.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release -q
dir=$(mktemp -d); port=18181
taskset -c 0 ./target/release/kolmonen serve --addr 127.0.0.1:$port --database "sqlite://$dir/bench.db" >"$dir/log" 2>&1 &
pid=$!
trap 'kill -TERM $pid; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
opp=$(curl -sf "http://127.0.0.1:$port/api/v1/opportunities?per_page=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['contents'][0]['id'])")
printf '| page | requests/s | p50 | p99 | errors |\n|---|---|---|---|---|\n'
for path in /fi/ "/fi/opportunities?type=work_trial" "/fi/opportunities/$opp" /fi/municipalities/398 "/api/v1/organizations?per_page=20"; do
  out=$(taskset -c 1 wrk -t1 -c16 -d"${secs}s" --latency "http://127.0.0.1:$port$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errs=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' | paste -sd ';' || true)
  printf '| `%s` | %s | %s | %s | %s |\n' "${path/$opp/{id\}}" "$rps" "$p50" "$p99" "${errs:-0}"
done
echo "peak RSS of the server: $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
