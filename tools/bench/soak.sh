#!/usr/bin/env bash
# Soak benchmark (not a test): hemicycle-serve under wrk at 16 connections for MINUTES while
# hemicycle-index adds documents to the same index and commits every COMMIT_EVERY seconds.
# Passes when no request failed (socket errors + responses outside 2xx) and the server's
# resident memory stays flat (the last sample within 10 % of the one taken after the first
# commit). Prints the commands, one line per commit and the verdict.
#   tools/bench/soak.sh [MINUTES] [INDEX_DIR]
# MINUTES: default 30. INDEX_DIR: an existing index (a copy is soaked) or none: the bulk
# corpus is indexed into a temporary folder. $COMMIT_EVERY: seconds between commits
# (default 60). $CONNECTIONS: default 16. $THREADS: server threads (default 2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
minutes="${1:-30}"
every="${COMMIT_EVERY:-60}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
for v in "$minutes" "$every" "$connections" "$threads"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "soak: $v: expected a positive integer" >&2; exit 2; }
done
cd "$root"
build="${HEMICYCLE_BUILD_DIR:-build}"
queries="../shared/queries/bench.txt"
work="$(mktemp -d)"
pids=()
finish() {
  local status=$?
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
say() { printf '%s\n' "$*" >&2; }
command -v wrk >/dev/null || { say "soak: wrk is missing (apt-get install wrk)"; exit 1; }

say "== build"
tools/build.sh >/dev/null
index="$work/index"
if [ -n "${2:-}" ]; then
  cp -a "$2" "$index"
else
  say "== index ../shared/corpus/bulk -> \$WORK/index"
  "$build/indexer/hemicycle-index" --quiet --db "$index" ../shared/corpus/bulk
fi

# The server, on a free port.
"$build/server/hemicycle-serve" --db "$index" --host 127.0.0.1 --port 0 --threads "$threads" \
  --quiet >"$work/serve.out" 2>"$work/serve.err" &
server=$!
pids+=("$server")
port=""
for _ in $(seq 300); do
  port="$(sed -n 's#^listening on http://127\.0\.0\.1:\([0-9][0-9]*\)$#\1#p' "$work/serve.out")"
  [ -n "$port" ] || ! kill -0 "$server" 2>/dev/null && break
  sleep 0.1
done
[ -n "$port" ] || { say "soak: the server did not start"; cat "$work/serve.err" >&2; exit 1; }
rss() { awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$server/status"; }

# The writer: every $every seconds, 50 new amendments in a new file of the feed folder, then
# hemicycle-index on the folder (what is unchanged is skipped; the new file is one commit).
mkdir -p "$work/feed"
writer() {
  local round=0
  while sleep "$every"; do
    round=$((round + 1))
    for n in $(seq 50); do
      printf '{"id":"SOAK-%d-%d","type":"amendement","institution":"Assemblée nationale",' \
        "$round" "$n"
      printf '"date":"2025-06-01","text":"ARTICLE UNIQUE\\n\\nSupprimer cet article.\\n\\n'
      printf 'EXPOSÉ SOMMAIRE\\n\\nAmendement %d du tour %d sur les ingérences étrangères."}\n' \
        "$n" "$round"
    done >"$work/feed/round-$round.jsonl"
    local started=$SECONDS
    if "$build/indexer/hemicycle-index" --quiet --db "$index" "$work/feed" 2>"$work/index.err"; then
      printf 'commit %3d: %2d s, server RSS %s MB\n' "$round" $((SECONDS - started)) "$(rss)"
    else
      printf 'commit %3d: FAILED: %s\n' "$round" "$(tail -1 "$work/index.err")"
    fi
  done
}
writer >"$work/commits.log" &
pids+=("$!")

say "== wrk -c $connections for $minutes min, a commit every $every s"
rss_start="$(rss)"
wrk -t2 -c"$connections" -d"${minutes}m" --timeout 10s --latency \
  -s tools/bench/serve_bench.lua "http://127.0.0.1:$port" -- "$queries" 10 >"$work/wrk.out" 2>&1
rss_end="$(rss)"
line="$(grep '^serve_bench: ' "$work/wrk.out" || true)"
[ -n "$line" ] || { cat "$work/wrk.out" >&2; say "soak: no summary from wrk"; exit 1; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
errors=$(( $(field socket_errors) + $(field non2xx) ))
rss_first_commit="$(sed -n '1s/.*RSS \([0-9.]*\) MB/\1/p' "$work/commits.log")"
failed_commits="$(grep -c FAILED "$work/commits.log" || true)"

echo "hemicycle soak: $(date '+%Y-%m-%d %H:%M:%S %z'), commit $(git describe --always --dirty)"
echo "nproc $(nproc); server --threads $threads; wrk -t2 -c$connections -d${minutes}m; a commit every $every s"
echo "commands: tools/bench/soak.sh $minutes${2:+ $2} (COMMIT_EVERY=$every CONNECTIONS=$connections)"
cat "$work/commits.log"
echo "requests $(field requests), $(field rps) req/s, p50 $(field p50_ms) ms, p99 $(field p99_ms) ms"
echo "failed requests: $errors (socket $(field socket_errors), non-2xx $(field non2xx)); failed commits: $failed_commits"
echo "server RSS: $rss_start MB at start, ${rss_first_commit:-?} MB after the first commit, $rss_end MB at the end"
flat="$(awk -v a="${rss_first_commit:-$rss_start}" -v b="$rss_end" 'BEGIN {print (b <= a * 1.10) ? 1 : 0}')"
if [ "$errors" -gt 0 ] || [ "$failed_commits" -gt 0 ] || [ "$flat" != 1 ]; then
  echo "soak: FAILED"
  exit 1
fi
echo "soak: passed (0 failed requests, RSS flat within 10 %)"
