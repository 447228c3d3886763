#!/usr/bin/env bash
# Builds the whole project with clang under ASan and UBSan into build-sanitize/ and runs
# every test through ctest there: a leak, an overflow or undefined behaviour fails the run.
# Run by .ci/run after the README's test command.
#   tools/sanitize.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HEMICYCLE_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
"$root/tools/install-deps.sh" --fuzz --browser
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHEMICYCLE_SANITIZE=ON "${launcher[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)"
# Leaks are not checked: Xapian and ICU keep caches for the life of the process.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/tools/sanitize/ubsan.supp"
exec "$root/tools/ctest.sh" "$build"
