#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test through ctest.
# Tests that need ../shared (the published corpus, the Snowball vocabulary) or Chromium run
# when they are there and are reported by ctest as skipped when not (never as passed).
# With HEMICYCLE_NO_SKIP=1 (set by .ci/run, where the data and Chromium are present) a
# skipped test fails the run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HEMICYCLE_BUILD_DIR:-$root/build}"
# The browser tests (tests/browser) drive Debian's headless Chromium through chromedriver.
"$root/tools/install-deps.sh" --browser
"$root/tools/build.sh"
exec "$root/tools/ctest.sh" "$build"
