#!/usr/bin/env bash
# Runs the kill -9 crash test (tests/daemon/crash_test.cpp) several times and sums up:
# rounds, kills right after a delivery, reminders expected/received, duplicates.
#
#   bench/crash_soak.sh [build dir] [runs] [rounds per run]
set -euo pipefail
build=${1:-build/release}
runs=${2:-5}
rounds=${3:-20}
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for _ in $(seq 1 "$runs"); do
    OKOD_CRASH_ROUNDS=$rounds "$repo/$build/tests/okod_tests" \
        --gtest_filter='CrashRecovery.*' 2>/dev/null | grep "^crash test:" | tee -a "$out"
done
awk '{
    rounds += $3; flowing += substr($7, 2); expected += $12; received += $15;
    missing += $17; dups += $19; unexpected += $21 }
 END { printf "total: %d runs, %d kill -9 rounds (%d right after a delivery), %d reminders expected, %d received, %d missing, %d duplicates, %d unexpected\n",
       NR, rounds, flowing, expected, received, missing, dups, unexpected }' "$out"
