#!/usr/bin/env bash
# Idle with a million pending timers: how often does okod wake up, how much memory does
# it hold, and how long from process start to READY=1 on that store?
#
#   bench/idle_wakeups.sh [build dir (build/release)] [idle seconds (60)] [pending timers (1000000)] [restarts (5)]
#
#   WATCHDOG_SEC=30   idle as under the shipped unit (WatchdogSec=30s): okod then pings
#                     systemd every 15 s, and those wake-ups are counted too
#
# 1. A first `okod run` on the wall clock creates the schema and catches up on the demo
#    municipalities' past years (until no timer is due and no e-mail waits), then stops.
# 2. The store gets N/4 open tasks of demo Maastricht, due in 2031-2032, each with the
#    four timers the engine arms for a task (deadline, reminders 14 and 3 days ahead,
#    escalation a week after): the rows and keys the engine writes.
# 3. Restarts: okod is started as systemd starts it (NOTIFY_SOCKET, bench/run_notified.py)
#    and timed from the fork to the READY=1 datagram; once with the store's pages dropped
#    from the page cache (cold), then `restarts` times warm.
# 4. Idle: after READY=1 and a second to settle, the context switches (voluntary and
#    not) of every thread are read from /proc before and after the idle period; RSS at
#    the end; the scheduler's own wake-up count from its exit line.
set -euo pipefail
build=${1:-build/release}
idle=${2:-60}
pending=${3:-1000000}
restarts=${4:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
okod=$repo/$build/okod
work=$(mktemp -d)
OKOD_PID=
OKOD_LAUNCHER=
trap 'okod_cleanup; if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi' EXIT
# shellcheck source=bench/okod_process.sh
source "$repo/bench/okod_process.sh"

okod_config
okod_start first
okod_settle
okod_stop

tasks=$((pending / 4))
base=$(date -d 2031-01-01T17:00:00+01:00 +%s)
now=$(date +%s)
seed_start=$(date +%s.%N)
sqlite3 "$work/okod.sqlite" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE seed AS SELECT id AS instance_id, definition_id, state, state_entry
    FROM instances WHERE municipality = 'GM0935' AND finished_at IS NULL ORDER BY id LIMIT 1;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $tasks)
INSERT INTO tasks(instance_id, municipality, workflow, spec_id, key, state, state_entry, title_nl,
                  title_en, role, item, due, status, remind_days, escalation_after_days,
                  escalation_to_role, created_at, closed_at, closed_by, note)
SELECT s.instance_id, 'GM0935', s.definition_id, 'bench-task', 'bench-task#' || i, s.state,
       s.state_entry, 'Benchmarktaak ' || i, 'Benchmark task ' || i, 'regisseur', '',
       $base + i * 250, 'open', '[14,3]', 7, 'stuurgroep', $now, NULL, '', ''
FROM n, seed AS s;
-- What arm_task_timers() writes for each of them (reminders at 09:00, 14 and 3 days
-- ahead of the 17:00 deadline; the escalation at 09:00 a week after it).
INSERT INTO timers(due_at, kind, municipality, definition_id, instance_key, instance_id, task_id,
                   lead_days, transition_index, state_entry, key)
SELECT due, 'task_due', municipality, '', '', NULL, id, 0, -1, 0, 'due/' || id
    FROM tasks WHERE spec_id = 'bench-task'
UNION ALL
SELECT due - 14 * 86400 - 8 * 3600, 'reminder', municipality, '', '', NULL, id, 14, -1, 0,
       'reminder/' || id || '/14' FROM tasks WHERE spec_id = 'bench-task'
UNION ALL
SELECT due - 3 * 86400 - 8 * 3600, 'reminder', municipality, '', '', NULL, id, 3, -1, 0,
       'reminder/' || id || '/3' FROM tasks WHERE spec_id = 'bench-task'
UNION ALL
SELECT due + 7 * 86400 - 8 * 3600, 'escalation', municipality, '', '', NULL, id, 7, -1, 0,
       'escalation/' || id FROM tasks WHERE spec_id = 'bench-task';
COMMIT;
SQL
seed_end=$(date +%s.%N)
timers=$(sqlite3 "$work/okod.sqlite" 'SELECT count(*) FROM timers')
next_due=$(sqlite3 "$work/okod.sqlite" "SELECT datetime(min(due_at), 'unixepoch') || ' UTC' FROM timers")
size_mib=$(du -m "$work/okod.sqlite" | cut -f1)
sync

# Cold: the store's pages out of the page cache (only this file's; nothing global).
python3 -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' \
    "$work/okod.sqlite"
okod_start cold
cold=$OKOD_READY
okod_stop
warm=()
for r in $(seq 1 "$restarts"); do
    okod_start "warm$r"
    warm+=("$OKOD_READY")
    okod_stop
done

if [ -n "${WATCHDOG_SEC:-}" ]; then
    WATCHDOG_USEC=$((WATCHDOG_SEC * 1000000)) okod_start idle
else
    okod_start idle
fi
sleep 1  # let the start-up settle before counting
declare -A before
for t in /proc/"$OKOD_PID"/task/*; do
    before[$t]=$(awk '/^(non)?voluntary_ctxt_switches/ { n += $2 } END { print n }' "$t/status")
done
sleep "$idle"
total=0
per_thread=""
for t in /proc/"$OKOD_PID"/task/*; do
    n=$(awk '/^(non)?voluntary_ctxt_switches/ { n += $2 } END { print n }' "$t/status")
    d=$((n - ${before[$t]:-0}))
    total=$((total + d))
    per_thread+=" $(cat "$t/comm")/$(basename "$t"):$d"
done
rss_kb=$(awk '/^VmRSS/ { print $2 }' /proc/"$OKOD_PID"/status)
anon_kb=$(awk '/^RssAnon/ { print $2 }' /proc/"$OKOD_PID"/status)
file_kb=$(awk '/^RssFile/ { print $2 }' /proc/"$OKOD_PID"/status)
hwm_kb=$(awk '/^VmHWM/ { print $2 }' /proc/"$OKOD_PID"/status)
threads=$(find /proc/"$OKOD_PID"/task -mindepth 1 -maxdepth 1 | wc -l)
okod_stop

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "timers in store:             $timers ($tasks open tasks x 4, plus the demo's own); store $size_mib MiB"
echo "seeding took:                $(awk -v a="$seed_start" -v b="$seed_end" 'BEGIN { printf "%.1f", b - a }') s"
echo "earliest timer:              $next_due"
echo "start to READY=1, cold:      $cold s"
echo "start to READY=1, warm:      median $(median "${warm[@]}") s of ${warm[*]}"
echo "threads:                     $threads"
echo "context switches, ${idle} s idle: $total (per thread:$per_thread)"
echo "RSS after idle:              $((rss_kb / 1024)) MiB: $((anon_kb / 1024)) MiB heap and stacks, $((file_kb / 1024)) MiB mapped files (peak $((hwm_kb / 1024)) MiB)"
grep "WATCHDOG=1" "$work/notify.log" | awk '{ n++ } END { if (n) print "watchdog pings (whole run):  " n }'
grep "stopped after" "$work/idle.log" | sed 's/^.*stopped/okod: stopped/'
grep "ready:" "$work/idle.log" | sed 's/^.*ready/okod: ready/'
