#!/usr/bin/env bash
# Benchmark (not a test): builds the index of the bulk corpus and reports documents, clauses,
# seconds, peak memory and index size (as written, and after xapian-compact), then the
# in-process query latency over ../shared/queries/bench.txt.
#   tools/bench/index_bulk.sh [CORPUS_DIR] [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${HEMICYCLE_BUILD_DIR:-$root/build}"
corpus="${1:-$root/../shared/corpus/bulk}"
work="${2:-$(mktemp -d)}"
queries="$root/../shared/queries/bench.txt"

"$root/tools/build.sh" >/dev/null
mkdir -p "$work"
rm -rf "$work/index" "$work/compact"
echo "== index $corpus -> $work/index"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" \
  "$build/indexer/hemicycle-index" --db "$work/index" "$corpus"
echo "index size: $(du -sm "$work/index" | cut -f1) MB"
if command -v xapian-compact >/dev/null; then
  /usr/bin/time -f "xapian-compact: %e s" xapian-compact "$work/index" "$work/compact" >/dev/null
  echo "compacted size: $(du -sm "$work/compact" | cut -f1) MB"
fi
if [ -f "$queries" ]; then
  echo "== queries $queries (in process, top 10 with snippets and facets)"
  "$build/tools/hemicycle-bench-search" --db "$work/index" --queries "$queries" --rounds 5
fi
