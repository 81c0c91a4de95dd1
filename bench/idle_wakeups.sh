#!/usr/bin/env bash
# Idle with a million pending items: how often does okod wake up, how much memory does
# it hold, and how long from process start to "ready" on that store?
#
#   bench/idle_wakeups.sh [build dir] [idle seconds] [pending timers]
#
# Seeds a store with N timers due in 2031-2032 (plus the demo municipalities' own),
# starts `okod run` on the wall clock, waits until it logs "ready", then counts the
# context switches of all its threads over the idle period (from /proc) and reads the
# scheduler's own wake-up count from its exit line.
set -euo pipefail
build=${1:-build/release}
idle=${2:-60}
pending=${3:-1000000}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/okod.toml" <<TOML
[store]
path = "$work/okod.sqlite"
[definitions]
dir = "$repo/workflows/definitions"
[calendar]
school_holidays = "$repo/config/calendars/school-holidays.json"
[municipalities]
dir = "$repo/config/municipalities"
[mail]
transport = "directory"
from = "oko@example.org"
directory = "$work/mail"
TOML

# Create the schema and the demo's own timers, then stop.
"$repo/$build/okod" run --config "$work/okod.toml" > "$work/first.log" 2>&1 &
pid=$!
for _ in $(seq 1 200); do grep -q "ready:" "$work/first.log" && break; sleep 0.05; done
kill -TERM $pid; wait $pid

start=$(date -d 2031-01-01 +%s)
sqlite3 "$work/okod.sqlite" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $pending)
INSERT INTO timers(due_at, kind, municipality, definition_id, instance_key, instance_id, task_id,
                   lead_days, transition_index, state_entry, key)
SELECT $start + i * 30, 'reminder', 'GM0935', 'oko-cycle', '', NULL, 1000000 + i, 1, -1, 0,
       'bench/' || i FROM n;
SQL
echo "timers in store: $(sqlite3 "$work/okod.sqlite" 'SELECT count(*) FROM timers')"
sync

t0=$(date +%s.%N)
"$repo/$build/okod" run --config "$work/okod.toml" > "$work/okod.log" 2>&1 &
pid=$!
for _ in $(seq 1 2000); do grep -q "ready:" "$work/okod.log" && break; sleep 0.005; done
t1=$(date +%s.%N)
sleep 1  # let the start-up settle before counting

switches() {
    local total=0
    for s in /proc/$pid/task/*/status; do
        v=$(awk '/^voluntary_ctxt_switches/ {print $2}' "$s")
        nv=$(awk '/^nonvoluntary_ctxt_switches/ {print $2}' "$s")
        total=$((total + v + nv))
    done
    echo $total
}
c0=$(switches)
sleep "$idle"
c1=$(switches)
rss_kb=$(awk '/^VmRSS/ {print $2}' /proc/$pid/status)
hwm_kb=$(awk '/^VmHWM/ {print $2}' /proc/$pid/status)
threads=$(ls /proc/$pid/task | wc -l)
kill -TERM $pid; wait $pid

echo "pending timers:            $pending (+ the demo's own)"
echo "start to ready:            $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') s"
echo "threads:                   $threads"
echo "context switches, ${idle} s idle: $((c1 - c0))"
echo "RSS after idle:            $((rss_kb / 1024)) MiB (peak $((hwm_kb / 1024)) MiB)"
grep "stopped after" "$work/okod.log" | sed 's/^.*stopped/okod: stopped/'
grep "ready:" "$work/okod.log" | sed 's/^.*ready/okod: ready/'
