#!/usr/bin/env bash
# Runs every test of a build folder through ctest. With HEMICYCLE_NO_SKIP=1 (set by .ci/run,
# where the data and Chromium are present) a skipped test fails the run.
#   tools/ctest.sh BUILD_DIR
set -euo pipefail
cd "$1"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
ctest --output-on-failure -j"$(nproc)" 2>&1 | tee "$log"
if [ "${HEMICYCLE_NO_SKIP:-0}" = 1 ] && grep -q '(Skipped)' "$log"; then
  echo "test: some tests were skipped (their data or browser is missing); none may be here:" >&2
  grep '(Skipped)' "$log" >&2
  exit 1
fi
