#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test through ctest.
# Tests that need ../shared (the published corpus, the Snowball vocabulary) run when it is
# there and say they were skipped when it is not.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HEMICYCLE_BUILD_DIR:-$root/build}"
# The browser tests (tests/browser) drive Debian's headless Chromium through chromedriver.
"$root/tools/install-deps.sh" --browser
"$root/tools/build.sh"
cd "$build"
ctest --output-on-failure -j"$(nproc)"
