#!/usr/bin/env bash
# Installs the Debian 12 packages Hemicycle needs to build, test and run, if any is missing.
#   tools/install-deps.sh [--browser] [--fuzz]
# --browser adds Debian's Chromium and chromedriver, which the browser tests (tests/browser)
# drive headless; --fuzz adds clang and its libFuzzer and sanitizer runtimes (tools/fuzz.sh). Run as root (or with sudo available). Idempotent: does nothing when all
# are present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools
  libstemmer-dev
  rapidjson-dev
  libboost-dev libboost-system-dev
  libicu-dev zlib1g-dev libzstd-dev libjemalloc-dev libxml2-dev
  catch2
)
for arg in "$@"; do
  case "$arg" in
    --browser) packages+=(chromium chromium-driver) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev llvm) ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
