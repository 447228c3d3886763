#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) into build-fuzz/ and
# runs each one for a bounded time on a copy of its seed corpus, after replaying the seeds
# and every kept reproducer. Exits 1 if any target crashes; the input is left in
# build-fuzz/crashes/<target>/ (keep it in tests/fuzz/crashes/<target>/ once fixed).
#   tools/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HEMICYCLE_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"
"$root/tools/install-deps.sh" --fuzz
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHEMICYCLE_FUZZ=ON -DHEMICYCLE_BUILD_TESTS=OFF >/dev/null
targets=()
for src in "$root"/tests/fuzz/*_fuzz.cc; do
  name="$(basename "$src" _fuzz.cc)"
  targets+=("$name")
done
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/tools/sanitize/ubsan.supp"
status=0
for name in "${targets[@]}"; do
  bin="$build/tests/fuzz/fuzz_$name"
  work="$build/corpus/$name" crashes="$build/crashes/$name"
  mkdir -p "$work" "$crashes"
  cp -n "$root/tests/fuzz/corpus/$name/"* "$work/" 2>/dev/null || true
  replay=("$root/tests/fuzz/corpus/$name/"*)
  if [ -d "$root/tests/fuzz/crashes/$name" ]; then replay+=("$root/tests/fuzz/crashes/$name/"*); fi
  echo "fuzz: $name: replaying ${#replay[@]} inputs, then fuzzing for ${seconds} s" >&2
  if ! "$bin" "${replay[@]}" >"$build/$name.replay.log" 2>&1; then
    echo "fuzz: $name: a seed or a kept reproducer fails again (see $build/$name.replay.log)" >&2
    status=1
    continue
  fi
  if ! "$bin" -max_total_time="$seconds" -max_len=8192 -artifact_prefix="$crashes/" \
       "$work" >"$build/$name.log" 2>&1; then
    echo "fuzz: $name: crash found, input in $crashes (see $build/$name.log)" >&2
    status=1
  fi
done
exit "$status"
