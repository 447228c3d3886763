#!/usr/bin/env bash
# Benchmark (not a test): Hemicycle side by side with PostgreSQL 15 and Sphinx 2.2.11 on the
# same machine in one run (issue 5). On ../shared/corpus/bulk and the 50 queries of
# ../shared/queries/bench.txt it measures:
#   build:   hemicycle-index | COPY + tsvector('french') + GIN | Sphinx indexer --all:
#            wall and CPU time, peak RSS, size on disk;
#   queries: top 10 with snippets at 1 and 16 clients, SECONDS each: hemicycle-serve under
#            wrk | pgbench (ts_rank_cd, ts_headline) | SphinxQL with SNIPPET() (1 client:
#            helpers.py sphinx-1; 16: mysqlslap through ../shared/bench/sphinx.sh):
#            requests/s, p50, p99, errors; then each server's peak RSS;
# and prints the date, the machine, the commands run, and one table with the ratios
# hemicycle/peer.
#   tools/bench/compare.sh [SECONDS]
# SECONDS: duration of each query run (default 20). $THREADS: hemicycle-serve threads
# (default 2). $CORPUS: the folder of *.jsonl.gz to index (default ../shared/corpus/bulk).
# Every server runs on a temporary folder, on a unix socket or 127.0.0.1, and is stopped at
# the end however the script ends. Installs the missing Debian packages (apt-get update
# first). Takes 4 to 9 minutes with SECONDS=20 on 2 cores. See tools/bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-20}"
threads="${THREADS:-2}"
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "compare: SECONDS must be a positive integer" >&2; exit 2; }
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "compare: THREADS must be a positive integer" >&2; exit 2; }

# Everything below runs from the repository root: the commands printed are relative to it,
# with $WORK for the temporary folder.
cd "$root"
build="${HEMICYCLE_BUILD_DIR:-build}"
corpus="${CORPUS:-../shared/corpus/bulk}"
queries="../shared/queries/bench.txt"
peers="../shared/bench"  # pg.sh and sphinx.sh: see "PostgreSQL" below for why pg.sh is adapted
helpers="tools/bench/compare/helpers.py"
lua="tools/bench/serve_bench.lua"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"

work="$(mktemp -d)"
chmod 755 "$work"  # the postgres user must reach its folder below
serve_pid="" pg_started="" sphinx_started="" samplers=()
stop_pid() {  # SIGTERM, up to 10 s, then SIGKILL
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${samplers[@]}"; do stop_pid "$pid"; done
  [ -z "$serve_pid" ] || stop_pid "$serve_pid"
  if [ -n "$sphinx_started" ]; then
    local spid; spid="$(cat "$work/sphinx/searchd.pid" 2>/dev/null || true)"
    SPHINX_PORT="$sphinx_port" timeout 30 "$peers/sphinx.sh" stop "$work/sphinx" >/dev/null 2>&1 || true
    [ -z "$spid" ] || stop_pid "$spid"
  fi
  if [ -n "$pg_started" ]; then
    timeout 60 "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 ||
      { local ppid; ppid="$(head -1 "$work/pg/data/postmaster.pid" 2>/dev/null || true)"
        [ -z "$ppid" ] || stop_pid "$ppid"; }
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

commands=()
record() { local c; c="$(printf '%q ' "$@")"; c="${c% }"; commands+=("${c//$work/\$WORK}"); }
run() { record "$@"; "$@"; }  # records a command, then runs it
say() { echo "== $(date +%T) $*" >&2; }
die() { echo "compare: $*" >&2; exit 1; }
kv() { sed -n "s/.*\<$1[ =]\([^ ]*\).*/\1/p" <<<"$2" | head -1; }  # value after "KEY " or "KEY="
now() { date +%s.%N; }
minus() { echo "$1 - $2" | bc; }

# 1. What the script needs, from Debian packages.
need=()
[ -x "$pg_bin/initdb" ] && command -v pgbench >/dev/null && command -v psql >/dev/null || need+=(postgresql)
command -v indexer >/dev/null && command -v searchd >/dev/null || need+=(sphinxsearch)
command -v mysql >/dev/null && command -v mysqlslap >/dev/null || need+=(default-mysql-client)
for c in wrk bc curl; do command -v "$c" >/dev/null || need+=("$c"); done
[ -x /usr/bin/time ] || need+=(time)
command -v python3 >/dev/null || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
  say "installing ${need[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    die "missing ${need[*]}, and neither root nor sudo is available"; fi
  run "${sudo[@]}" apt-get update >/dev/null
  run "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}" >/dev/null
fi
[ -x "$pg_bin/initdb" ] || die "no PostgreSQL 15 in $pg_bin (set PG_BIN)"
# PostgreSQL refuses to run as root: its processes run as the postgres user then.
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); else as_pg=(); fi
[ -f "$corpus/manifest.json" ] || [ -d "$corpus" ] || die "no corpus in $corpus"
nq="$(grep -c . "$queries")"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

say "build"
run tools/build.sh >/dev/null

# 2. Build: hemicycle-index.
say "hemicycle-index $corpus"
mkdir -p "$work/hemicycle"
run /usr/bin/time -f "%e %U %S %M" -o "$work/hemicycle/time" \
  "$build/indexer/hemicycle-index" --db "$work/hemicycle/index" "$corpus" 2>"$work/hemicycle/index.log" ||
  { cat "$work/hemicycle/index.log" >&2; die "hemicycle-index failed"; }
read -r h_wall h_user h_sys h_rss_kb <"$work/hemicycle/time"
h_cpu="$(echo "$h_user + $h_sys" | bc)"
h_bytes="$(du -sb "$work/hemicycle/index" | cut -f1)"
h_summary="$(tr '\r' '\n' <"$work/hemicycle/index.log" | grep -E '[0-9] documents? lus?[^a-z]' | tail -1 || true)"
say "$h_summary"

# 3. Build: PostgreSQL. ../shared/bench/pg.sh is adapted, not called: it uses the system
# cluster 15/main (not a temporary one), fixed /tmp file names, picks queries at random
# and prints no percentiles. Same CSV, table, generated tsvector column, GIN index and query.
say "PostgreSQL: initdb + start on a unix socket in \$WORK/pg"
pg="$work/pg"
mkdir -p "$pg/bench"
[ "$(id -u)" != 0 ] || chown -R postgres: "$pg"
run "${as_pg[@]}" "$pg_bin/initdb" -D "$pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 120 \
  -o "-c listen_addresses='' -c unix_socket_directories=$pg" start >/dev/null
pg_started=1
psql=(psql -h "$pg" -U postgres -X -q -v ON_ERROR_STOP=1)
run "${psql[@]}" -d postgres -c "create database parlbench"
psql+=(-d parlbench)
sample() {  # PHASE: peaks of the cluster (postmaster + children) until stop_sample
  record python3 "$helpers" sample "$pg/data/postmaster.pid" "$work/pg-$1.peak"
  python3 "$helpers" sample "$pg/data/postmaster.pid" "$work/pg-$1.peak" &
  samplers+=($!)
}
stop_sample() { stop_pid "${samplers[-1]}"; unset 'samplers[-1]'; }

say "PostgreSQL: JSON Lines -> CSV (not counted in the build time, as in pg.sh)"
t0="$(now)"
run python3 "$helpers" csv "$corpus" "$pg/docs.csv" >"$pg/csv.out"
p_convert="$(printf '%.1f' "$(minus "$(now)" "$t0")")"
chmod 644 "$pg/docs.csv"
text_bytes="$(kv text_bytes "$(cat "$pg/csv.out")")"  # title + text; the manifest's text alone if any
if [ -f "$corpus/manifest.json" ]; then
  text_bytes="$(python3 -c 'import json, sys; print(sum(f["text_bytes"] for f in json.load(open(sys.argv[1]))["files"]))' \
    "$corpus/manifest.json")"
fi
cat >"$pg/build.sql" <<SQL
\timing on
create table docs(id text, date date, type text, title text, body text);
\copy docs from '$pg/docs.csv' csv
alter table docs add column tsv tsvector generated always as (to_tsvector('french', coalesce(title,'') || ' ' || body)) stored;
create index docs_tsv on docs using gin(tsv);
vacuum analyze docs;
\timing off
\pset tuples_only on
\pset format unaligned
\pset fieldsep ' '
select 'backend_hwm_kb', (regexp_match(pg_read_file('/proc/self/status'), 'VmHWM:\s+(\d+)'))[1];
select 'backend_cpu_ticks', (string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' '))[12]::bigint
  + (string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' '))[13]::bigint;
select 'relation_bytes', pg_total_relation_size('docs'), 'heap_bytes', pg_relation_size('docs'),
  'toast_bytes', pg_total_relation_size('docs') - pg_relation_size('docs') - pg_indexes_size('docs'),
  'gin_bytes', pg_indexes_size('docs'), 'database_bytes', pg_database_size(current_database());
SQL
say "PostgreSQL: COPY, generated tsvector column, GIN index, vacuum analyze"
sample build
t0="$(now)"
run "${psql[@]}" -f "$pg/build.sql" >"$pg/build.out"
p_wall="$(printf '%.2f' "$(minus "$(now)" "$t0")")"
stop_sample
pg_out="$(cat "$pg/build.out")"
p_load="$(grep '^Time: ' "$pg/build.out" | sed -n '2p' | awk '{printf "%.1f", $2 / 1000}')"  # the \copy
p_rss_kb="$(kv pss_kb "$(cat "$work/pg-build.peak")")"
p_cpu="$(echo "scale=2; $(kv backend_cpu_ticks "$pg_out") / $(getconf CLK_TCK)" | bc)"
p_bytes="$(kv relation_bytes "$pg_out")"
p_dir_bytes="$(du -sb "$pg/data" | cut -f1)"

# 4. Build: Sphinx, through ../shared/bench/sphinx.sh (its configuration, one indexer run).
say "Sphinx: sphinx.sh index (JSON Lines -> TSV, then indexer --all)"
sphinx_port="$(python3 "$helpers" port)"
mkdir -p "$work/sphinx"
run env SPHINX_PORT="$sphinx_port" "$peers/sphinx.sh" index "$corpus" "$work/sphinx" 1 >"$work/sphinx/index.out" 2>&1 ||
  { cat "$work/sphinx/index.out" >&2; die "sphinx.sh index failed"; }
s_line="$(grep '^run 1 ' "$work/sphinx/index.out")"
s_wall="$(kv wall "$s_line" | awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s}')"
s_cpu="$(kv cpu_s "$s_line")"
s_rss_kb="$(kv peak_rss_kb "$s_line")"
s_bytes="$(kv index_bytes "$s_line")"
s_convert="$(printf '%.1f' "$(kv convert_s "$(cat "$work/sphinx/index.out")")")"
# No result cache may answer the repeated queries: Sphinx 2.2.11 has no query cache (it came
# with 2.3), so its binary has no qcache setting; a searchd that has one gets it turned off.
if grep -aq qcache_max_bytes "$(command -v searchd)"; then
  sed -i '/^searchd$/,/^}/ s/^}/\tqcache_max_bytes\t= 0\n}/' "$work/sphinx/sphinx.conf"
  s_qcache="qcache_max_bytes = 0 added to the searchd section"
else
  s_qcache="none: this searchd has no query cache (no qcache setting in its binary)"
fi

# 5. Queries: hemicycle-serve under wrk.
say "hemicycle-serve + wrk"
serve=("$build/server/hemicycle-serve" --db "$work/hemicycle/index" --host 127.0.0.1 --port 0
  --threads "$threads" --quiet)
record "${serve[@]}"
"${serve[@]}" >"$work/hemicycle/serve.out" 2>"$work/hemicycle/serve.err" &
serve_pid=$!
port=""
for _ in $(seq 300); do
  port="$(sed -n 's#^listening on http://127\.0\.0\.1:\([0-9][0-9]*\)$#\1#p' "$work/hemicycle/serve.out")"
  [ -n "$port" ] && break
  kill -0 "$serve_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/hemicycle/serve.err" >&2; die "hemicycle-serve did not print its port"; }
url="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -fsS --max-time 1 "$url/health" >/dev/null 2>&1 && break; sleep 0.1; done
probe="$(curl -fsS --max-time 5 "$url/api/search?q=loi&limit=1" || true)"
[[ "$probe" == *'"facets"'* && "$probe" == *'"snippet"'* ]] ||
  die "$url/api/search does not answer with facets and snippets"
declare -A H P S  # figures by "clients:rps|p50|p99|errors"
for c in 1 16; do
  say "wrk $c connections, ${seconds} s"
  run wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"${seconds}s" --timeout 10s --latency -s "$lua" \
    "$url" -- "$queries" 10 >"$work/hemicycle/wrk-$c.out" 2>&1 ||
    { cat "$work/hemicycle/wrk-$c.out" >&2; die "wrk failed"; }
  line="$(grep '^serve_bench: ' "$work/hemicycle/wrk-$c.out")"
  H[$c:rps]="$(kv rps "$line")" H[$c:p50]="$(kv p50_ms "$line")" H[$c:p99]="$(kv p99_ms "$line")"
  H[$c:errors]=$(( $(kv socket_errors "$line") + $(kv non2xx "$line") ))
done
h_serve_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$serve_pid/status")"
stop_pid "$serve_pid"
serve_pid=""

# 6. Queries: PostgreSQL under pgbench. Each client cycles through the queries in file order,
# client c starting at query 7c + 1 (as serve_bench.lua staggers wrk's threads).
say "PostgreSQL: pgbench"
grep . "$queries" >"$pg/queries.txt"
run "${psql[@]}" -c "create table bench_queries(qid serial primary key, txt text)" \
  -c "\\copy bench_queries(txt) from '$pg/queries.txt'" -c "vacuum analyze bench_queries"
cat >"$pg/bench.sql" <<SQL
\set i :i + 1
\set qid (:i - 1 + 7 * :client_id) % $nq + 1
SELECT id, ts_headline('french', body, q, 'MaxWords=35,MinWords=15') FROM (
  SELECT id, body, q, ts_rank_cd(tsv, q) AS r FROM docs, (SELECT websearch_to_tsquery('french', txt) q FROM bench_queries WHERE qid = :qid) b
  WHERE tsv @@ q ORDER BY r DESC LIMIT 10) t;
SQL
sample queries
for c in 1 16; do
  say "pgbench $c clients, ${seconds} s"
  rm -f "$pg/bench/log-$c".*
  record pgbench -h "$pg" -U postgres -n -c "$c" -j "$c" -T "$seconds" -D i=0 -f "$pg/bench.sql" \
    --log --log-prefix="$pg/bench/log-$c" parlbench
  pgbench -h "$pg" -U postgres -n -c "$c" -j "$c" -T "$seconds" -D i=0 -f "$pg/bench.sql" \
    --log --log-prefix="$pg/bench/log-$c" parlbench >"$pg/bench/out-$c" 2>&1 || true
  out="$(cat "$pg/bench/out-$c")"
  P[$c:rps]="$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$out")"
  [ -n "${P[$c:rps]}" ] || { echo "$out" >&2; die "pgbench printed no tps"; }
  P[$c:rps]="$(printf '%.1f' "${P[$c:rps]}")"
  P[$c:raw]="$(grep -E '^(latency|number of failed)' <<<"$out" | tr '\n' ';')"
  stats="$(python3 "$helpers" pgbench-log "$pg/bench/log-$c".*)"
  P[$c:p50]="$(kv p50_ms "$stats")" P[$c:p99]="$(kv p99_ms "$stats")"
  failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out")"
  aborted="$(grep -c 'aborted' <<<"$out" || true)"
  P[$c:errors]=$(( ${failed:-0} + aborted ))
done
stop_sample
p_serve_kb="$(kv pss_kb "$(cat "$work/pg-queries.peak")")"

# 7. Queries: Sphinx through SphinxQL.
say "Sphinx: searchd on 127.0.0.1:$sphinx_port"
run env SPHINX_PORT="$sphinx_port" "$peers/sphinx.sh" start "$work/sphinx" >&2
sphinx_started=1
spid="$(cat "$work/sphinx/searchd.pid")"
status_cache="$(mysql -h127.0.0.1 -P"$sphinx_port" --protocol=tcp -B -N -e 'SHOW STATUS' | grep -ci qcache || true)"
run python3 "$helpers" sphinx-sql "$queries" "$work/sphinx/queries-1.sql"
say "Sphinx: 1 client, ${seconds} s"
run python3 "$helpers" sphinx-1 "$work/sphinx/queries-1.sql" "$sphinx_port" "$seconds" >"$work/sphinx/q1.out"
line="$(cat "$work/sphinx/q1.out")"
S[1:rps]="$(kv rps "$line")" S[1:p50]="$(kv p50_ms "$line")" S[1:p99]="$(kv p99_ms "$line")"
S[1:errors]="$(kv errors "$line")"
say "Sphinx: 16 clients (mysqlslap, sized to about ${seconds} s by sphinx.sh)"
record env SPHINX_PORT="$sphinx_port" "$peers/sphinx.sh" query "$work/sphinx" "$queries" 16 "$seconds"
if env SPHINX_PORT="$sphinx_port" timeout -k 10 $(( 6 * seconds + 120 )) \
  "$peers/sphinx.sh" query "$work/sphinx" "$queries" 16 "$seconds" >"$work/sphinx/q16.out" 2>&1; then
  line="$(grep '^clients ' "$work/sphinx/q16.out")"
  S[16:rps]="$(kv qps "$line")" S[16:errors]=0
  s16_raw="$line"
else
  echo "compare: sphinx.sh query exited with status $?" >&2
  cat "$work/sphinx/q16.out" >&2
  tail -20 "$work/sphinx/searchd.log" >&2 || true
  S[16:rps]="n/a" S[16:errors]="failed"
  s16_raw="mysqlslap failed (output above)"
fi
S[16:p50]="n/a" S[16:p99]="n/a"
cmp -s "$work/sphinx/queries-1.sql" "$work/sphinx/queries.sql" && same_sql=yes || same_sql=NO
s_serve_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$spid/status")"

# 8. The report.
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1e6}'; }     # bytes -> MB
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }    # KB -> MiB
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
  if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
row() { printf '%-30s %12s %12s %12s %9s %9s\n' "$1" "$2" "$3" "$4" "$(ratio "$2" "$3")" "$(ratio "$2" "$4")"; }

echo "Hemicycle vs PostgreSQL vs Sphinx (tools/bench/compare.sh $seconds)"
echo "date:      $(date '+%Y-%m-%d %H:%M:%S %z')"
echo "commit:    $(git describe --always --dirty 2>/dev/null || echo unknown)"
echo "machine:   nproc $(nproc); kernel $(uname -r); $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
free -g | sed 's/^/  free -g: /'
echo "load:      $load_start at the start (1, 5, 15 min), $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "versions:  $("${psql[@]}" -Atc 'show server_version') PostgreSQL; $(indexer 2>&1 | head -1);" \
  "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(mysqlslap --version | sed 's/,.*//; s/  */ /g')"
echo "corpus:    $corpus ($(kv docs "$(cat "$pg/csv.out")") documents, text $(mb "$text_bytes") MB);" \
  "queries: $queries ($nq), top 10 with snippets"
echo "hemicycle: $h_summary"
echo "commands (from the repository root; \$WORK is a mktemp folder):"
printf '  %s\n' "${commands[@]}"
echo
printf '%-30s %12s %12s %12s %9s %9s\n' figure hemicycle PostgreSQL Sphinx "h/PG" "h/Sphinx"
row "build wall s" "$h_wall" "$p_wall" "$s_wall"
row "build CPU s" "$h_cpu" "$p_cpu" "$s_cpu"
row "build peak RSS MiB" "$(mib "$h_rss_kb")" "$(mib "$p_rss_kb")" "$(mib "$s_rss_kb")"
row "size on disk MB" "$(mb "$h_bytes")" "$(mb "$p_bytes")" "$(mb "$s_bytes")"
row "size / text" "$(ratio "$h_bytes" "$text_bytes")" "$(ratio "$p_bytes" "$text_bytes")" "$(ratio "$s_bytes" "$text_bytes")"
for c in 1 16; do
  n="$c client"; [ "$c" = 1 ] || n="${n}s"
  row "$n requests/s" "${H[$c:rps]}" "${P[$c:rps]}" "${S[$c:rps]}"
  row "$n p50 ms" "${H[$c:p50]}" "${P[$c:p50]}" "${S[$c:p50]}"
  row "$n p99 ms" "${H[$c:p99]}" "${P[$c:p99]}" "${S[$c:p99]}"
  row "$n errors" "${H[$c:errors]}" "${P[$c:errors]}" "${S[$c:errors]}"
done
row "server peak RSS MiB" "$(mib "$h_serve_kb")" "$(mib "$p_serve_kb")" "$(mib "$s_serve_kb")"
echo
echo "How (h/PG, h/Sphinx: hemicycle's figure divided by the peer's; MB = 10^6 bytes):"
echo "- build wall: hemicycle-index reads the .jsonl.gz files itself (defaults: a new index is"
echo "  built in two parts by two threads, then merged and compacted). PostgreSQL: one psql"
echo "  session from COPY to vacuum analyze"
echo "  (COPY $p_load s of it), after a JSON Lines -> CSV step of $p_convert s not counted."
echo "  Sphinx: one indexer --all (single-threaded) on a TSV, after a conversion of ${s_convert} s not counted."
echo "- build CPU: user + sys of hemicycle-index and of indexer (/usr/bin/time); of the one"
echo "  PostgreSQL backend that ran the build (/proc/self/stat read in that session)."
echo "- peak RSS: /usr/bin/time %M for hemicycle-index and indexer; VmHWM for hemicycle-serve and"
echo "  searchd (one process each, read at the end). PostgreSQL: the largest sum of Pss (smaps_rollup:"
echo "  shared buffers counted once) over the postmaster and all its children, sampled every 0.2 s"
echo "  (build: $(cat "$work/pg-build.peak"); queries: $(cat "$work/pg-queries.peak");"
echo "  the build backend's own VmHWM: $(mib "$(kv backend_hwm_kb "$pg_out")") MiB)."
echo "- size: du -sb of the Xapian folder; pg_total_relation_size('docs') (heap $(mb "$(kv heap_bytes "$pg_out")"),"
echo "  TOAST $(mb "$(kv toast_bytes "$pg_out")"), GIN $(mb "$(kv gin_bytes "$pg_out")") MB; the whole data folder: $(mb "$p_dir_bytes") MB);"
echo "  du -sb of Sphinx's data folder (stored text .sps included). text: the manifest's text_bytes."
echo "- hemicycle: wrk -t min(c,2) on GET /api/search?q=...&limit=10 (snippets and all facet"
echo "  counts), percentiles from wrk; errors = socket errors + non-2xx."
echo "- PostgreSQL: pgbench -c c -j c -T $seconds, simple query protocol, jit=$("${psql[@]}" -Atc 'show jit'), websearch_to_tsquery,"
echo "  ts_rank_cd top 10, ts_headline of each; p50/p99 from the per-transaction --log;"
echo "  errors = failed transactions + aborted clients. pgbench said: 1 client: ${P[1:raw]} 16: ${P[16:raw]}"
echo "- Sphinx: SELECT ... SNIPPET(text, ...) ... WHERE MATCH(...) LIMIT 10 (sphinx.sh's statements;"
echo "  same as sphinx.sh's queries.sql: $same_sql). 1 client: helpers.py sphinx-1, one mysql connection"
echo "  for $seconds s, latency measured by the client (includes a SHOW META round trip, ~0.1 ms);"
echo "  errors = ERROR lines from mysql. 16 clients: mysqlslap through sphinx.sh (each client runs"
echo "  the 50 statements in order; the number of queries is sized by sphinx.sh to last about"
echo "  $seconds s): q/s only, no percentiles; errors = 0 when mysqlslap completes. $s16_raw"
echo "- result caches: PostgreSQL has none for results; hemicycle-serve has none; Sphinx: $s_qcache"
echo "  (qcache rows in SHOW STATUS: $status_cache)."
total_errors=0
for f in "${H[1:errors]}" "${H[16:errors]}" "${P[1:errors]}" "${P[16:errors]}" "${S[1:errors]}" "${S[16:errors]}"; do
  [ "$f" = 0 ] || total_errors=1
done
[ "$total_errors" = 0 ] || { echo "compare: some requests failed: see the errors rows" >&2; exit 1; }
