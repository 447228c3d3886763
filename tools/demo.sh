#!/usr/bin/env bash
# The main command: installs what is missing, builds, indexes a corpus, queries it, then
# serves the search API on http://127.0.0.1:8080 until Ctrl-C.
#   tools/demo.sh [CORPUS_PATH] [QUERY]
# CORPUS_PATH defaults to ../shared/corpus/sample and the sittings of ../shared/corpus/debates
# (when present); the index goes to var/index (or
# $HEMICYCLE_INDEX); $HEMICYCLE_PORT changes the port, HEMICYCLE_SERVE=0 skips serving.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HEMICYCLE_BUILD_DIR:-$root/build}"
corpus="${1:-$root/../shared/corpus/sample}"
corpora=("$corpus")
if [ $# -eq 0 ] && [ -d "$root/../shared/corpus/debates" ]; then
  corpora+=("$root/../shared/corpus/debates")
fi
query="${2:-ingérence étrangère outre-mer}"
index="${HEMICYCLE_INDEX:-$root/var/index}"

"$root/tools/install-deps.sh"
"$root/tools/build.sh"
if [ ! -e "$corpus" ]; then
  echo "demo: no corpus at $corpus (give a file or folder as the first argument)" >&2
  exit 1
fi
mkdir -p "$(dirname "$index")"
"$build/indexer/hemicycle-index" --db "$index" "${corpora[@]}"
echo
echo "\$ hemicycle-search --db $index \"$query\""
"$build/searcher/hemicycle-search" --db "$index" --limit 3 "$query"
if [ ${#corpora[@]} -gt 1 ]; then
  echo
  echo "\$ hemicycle-search --db $index 'speaker:\"Christiane Taubira\" mariage'"
  "$build/searcher/hemicycle-search" --db "$index" --limit 3 'speaker:"Christiane Taubira" mariage'
fi

if [ "${HEMICYCLE_SERVE:-1}" != "0" ]; then
  port="${HEMICYCLE_PORT:-8080}"
  echo
  echo "serving: curl 'http://127.0.0.1:$port/api/search?q=ing%C3%A9rence+%C3%A9trang%C3%A8re+outre-mer'"
  echo "(Ctrl-C to stop)"
  exec "$build/server/hemicycle-serve" --db "$index" --port "$port"
fi
