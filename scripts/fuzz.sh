#!/usr/bin/env bash
# Builds okod's libFuzzer targets with clang (ASan + UBSan) and runs each on its seed
# corpus for SECONDS seconds (default 60). New inputs that add coverage are kept in a
# scratch corpus (not in the repo); a crash stops the run and leaves its input as
# fuzz/artifacts/<target>/crash-* with the reproducer command in the output.
#
#   scripts/fuzz.sh                 # 60 s per target
#   SECONDS_PER_TARGET=3600 scripts/fuzz.sh definition_loader
# Installs clang and libclang-rt-14-dev with apt-get when they are missing (as root).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
seconds=${SECONDS_PER_TARGET:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(definition_loader survey_csv school_holidays http_request)

if ! command -v clang++ >/dev/null || ! dpkg -s libclang-rt-14-dev >/dev/null 2>&1; then
    apt-get install -y --no-install-recommends clang libclang-rt-14-dev
fi
build=${FUZZ_BUILD:-$repo/build/fuzz}
CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DOKOD_FUZZ=ON -DOKOD_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target $(printf 'fuzz_%s ' "${targets[@]}")

status=0
for t in "${targets[@]}"; do
    scratch="$build/corpus/$t"
    artifacts="$repo/fuzz/artifacts/$t"
    mkdir -p "$scratch" "$artifacts"
    echo "== $t: ${seconds} s"
    if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$scratch" "$repo/fuzz/corpus/$t" \
        2>"$build/$t.log"; then
        status=1
        echo "!! $t found a problem: see $build/$t.log and $artifacts/"
    fi
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+[[:space:]]+DONE)" "$build/$t.log" || tail -5 "$build/$t.log"
done
exit $status
