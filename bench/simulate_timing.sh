#!/usr/bin/env bash
# Times the README's 5-year simulation (3 demo municipalities) with the store on disk
# and, as the baseline in the same run, with the store on tmpfs (/dev/shm): the ratio
# shows what the per-step fsync (synchronous=FULL) costs. Usage: bench/simulate_timing.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
okod=./build/release/okod
args=(simulate --config config/okod.toml --from 2022-01-01 --to 2026-12-31 --complete-on-time)
disk_dir=$(mktemp -d ./state/bench-XXXXXX 2>/dev/null || { mkdir -p state; mktemp -d ./state/bench-XXXXXX; })
shm_dir=$(mktemp -d /dev/shm/okod-bench-XXXXXX)
trap 'rm -rf "$disk_dir" "$shm_dir"' EXIT
time_one() {  # prints wall seconds of one run with the store at $1
    rm -f "$1"*
    local start end
    start=$(date +%s.%N)
    "$okod" "${args[@]}" --store "$1" > /dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f\n", b - a}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
disk=$(for _ in $(seq "$runs"); do time_one "$disk_dir/s.sqlite"; done | median)
shm=$(for _ in $(seq "$runs"); do time_one "$shm_dir/s.sqlite"; done | median)
lines=$("$okod" "${args[@]}" --store "$shm_dir/count.sqlite" | wc -l)
echo "timeline lines: $lines"
echo "median of $runs runs, store on disk:  ${disk} s"
echo "median of $runs runs, store on tmpfs: ${shm} s (baseline)"
awk -v d="$disk" -v s="$shm" 'BEGIN {printf "disk / tmpfs: %.2f\n", d / s}'
