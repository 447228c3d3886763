#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test through ctest.
# Tests that need ../shared (the published corpus, the Snowball vocabulary) run when it is
# there and say they were skipped when it is not.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HEMICYCLE_BUILD_DIR:-$root/build}"
"$root/tools/install-deps.sh"

# The browser tests (tests/browser) drive Debian's headless Chromium through chromedriver.
browser_packages=()
for p in chromium chromium-driver; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    browser_packages+=("$p")
  fi
done
if [ ${#browser_packages[@]} -gt 0 ]; then
  echo "installing: ${browser_packages[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${browser_packages[@]}" >/dev/null
fi

"$root/tools/build.sh"
cd "$build"
ctest --output-on-failure -j"$(nproc)"
