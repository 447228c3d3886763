#!/usr/bin/env bash
# Benchmark (not a test): HTTP throughput and latency of hemicycle-serve under wrk, on
# loopback, at 1, 16 and 64 connections, cycling through ../shared/queries/bench.txt as
# GET /api/search?q=...&limit=10; then the server's peak RSS.
#   tools/bench/serve_bench.sh [INDEX_DIR] [SECONDS]
# INDEX_DIR: an existing index, or a folder to index ../shared/corpus/bulk into (kept).
# Without it the bulk corpus is indexed into a temporary folder, removed at the end.
# SECONDS: duration of each wrk run (default 20). $THREADS: server threads (default 2).
# $CORPUS: what to index when there is no index (default ../shared/corpus/bulk).
# Installs wrk (Debian package) when missing. Prints the date, nproc, the commands run
# (from the repository root) and one table; exits 1 if any request failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${2:-20}"
threads="${THREADS:-2}"
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "serve_bench: SECONDS must be a positive integer" >&2; exit 2; }
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "serve_bench: THREADS must be a positive integer" >&2; exit 2; }

server_pid=""
cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 100); do  # up to 10 s to finish the requests in flight
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
work="$(mktemp -d)"
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "${1:-}" ]; then
  mkdir -p "$1"
  index="$(cd "$1" && pwd)"
else
  index="$work/index"
fi

# Everything below runs from the repository root, so the commands printed are paths
# relative to it.
cd "$root"
build="${HEMICYCLE_BUILD_DIR:-build}"
corpus="${CORPUS:-../shared/corpus/bulk}"
queries="../shared/queries/bench.txt"
lua="tools/bench/serve_bench.lua"
commands=()
record() { local c; c="$(printf '%q ' "$@")"; commands+=("${c% }"); }
run() {  # records a command, then runs it
  record "$@"
  "$@"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }  # a value of wrk's summary line

# 1. wrk and the build.
if ! command -v wrk >/dev/null; then
  echo "== installing wrk" >&2
  if [ "$(id -u)" = 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "serve_bench: wrk is missing and neither root nor sudo is available" >&2
    exit 1
  fi
  run "${sudo[@]}" apt-get update >/dev/null
  run "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
fi
echo "== build" >&2
run tools/build.sh >/dev/null

# 2. The index.
if ! compgen -G "$index/iam*" >/dev/null; then  # iamglass (or iamhoney...): a Xapian database
  echo "== index $corpus -> $index" >&2
  run "$build/indexer/hemicycle-index" --db "$index" "$corpus" 2>"$work/index.log" || {
    cat "$work/index.log" >&2
    exit 1
  }
  indexed="$(grep -E '[0-9] documents? lus?[^a-z]' "$work/index.log" || true)"  # the summary line
  echo "$indexed" >&2
fi

# 3. The server.
echo "== serve $index" >&2
serve=("$build/server/hemicycle-serve" --db "$index" --host 127.0.0.1 --port 0
  --threads "$threads" --quiet)
record "${serve[@]}"
"${serve[@]}" >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
port=""
for _ in $(seq 300); do  # up to 30 s to open the index and bind
  port="$(sed -n 's#^listening on http://127\.0\.0\.1:\([0-9][0-9]*\)$#\1#p' "$work/serve.out")"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "serve_bench: hemicycle-serve did not print its port" >&2
  cat "$work/serve.out" "$work/serve.err" >&2
  exit 1
fi
url="http://127.0.0.1:$port"
health=""
for _ in $(seq 100); do  # up to ~10 s for /health to answer 200
  if health="$(curl -fsS --max-time 1 "$url/health" 2>/dev/null)"; then break; fi
  health=""
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$health" ]; then
  echo "serve_bench: $url/health did not answer 200" >&2
  cat "$work/serve.err" >&2
  exit 1
fi

# 4. wrk at 1, 16 and 64 connections, each bounded by -d.
rows=()
total_errors=0
for conns in 1 16 64; do
  wrk_threads=$(( conns < 2 ? conns : 2 ))
  echo "== wrk $conns connections, ${seconds} s" >&2
  run wrk -t"$wrk_threads" -c"$conns" -d"${seconds}s" --timeout 10s --latency -s "$lua" \
    "$url" -- "$queries" 10 >"$work/wrk-$conns.out" 2>&1 || {
    cat "$work/wrk-$conns.out" >&2
    exit 1
  }
  line="$(grep '^serve_bench: ' "$work/wrk-$conns.out" || true)"
  if [ -z "$line" ]; then
    cat "$work/wrk-$conns.out" >&2
    echo "serve_bench: no summary line from $lua" >&2
    exit 1
  fi
  errors=$(( $(field socket_errors) + $(field non2xx) ))
  total_errors=$(( total_errors + errors ))
  rows+=("$(printf '%11s %12s %10s %10s %8s' "$conns" "$(field rps)" "$(field p50_ms)" \
    "$(field p99_ms)" "$errors")")
done

# 5. Peak RSS, read before the EXIT trap stops the server.
hwm_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status")"

echo
echo "hemicycle-serve benchmark"
echo "date:     $(date '+%Y-%m-%d %H:%M:%S %z')"
echo "commit:   $(git describe --always --dirty 2>/dev/null || echo unknown)"
echo "nproc:    $(nproc)"
echo "wrk:      $(wrk -v 2>&1 | head -1 || true)"
docs="$(sed -n 's/.*"documents":\([0-9]*\).*/\1/p' <<<"$health")"
clauses="$(sed -n 's/.*"clauses":\([0-9]*\).*/\1/p' <<<"$health")"
echo "index:    ${docs:-?} documents, ${clauses:-?} clauses, $(du -sm "$index" | cut -f1) MB"
[ -z "${indexed:-}" ] || echo "indexer:  $indexed"
echo "server:   --threads $threads; wrk: -d ${seconds}s per run, threads min(connections, 2)"
echo "commands (from the repository root):"
printf '  %s\n' "${commands[@]}"
echo
printf '%11s %12s %10s %10s %8s\n' connections requests/s "p50 ms" "p99 ms" errors
printf '%s\n' "${rows[@]}"
echo
awk -v kb="$hwm_kb" 'BEGIN {printf "server peak RSS (VmHWM): %.1f MB\n", kb / 1024}'
echo "errors = wrk socket errors (connect, read, write, timeout) + responses outside 2xx"
if [ "$total_errors" -gt 0 ]; then
  echo "serve_bench: $total_errors failed requests: the numbers above are not valid" >&2
  exit 1
fi
