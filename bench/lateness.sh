#!/usr/bin/env bash
# Timer lateness at 1,000 fires a second: how long after its due moment does okod's
# engine step for a timer run?
#
#   bench/lateness.sh [build dir (build/release)] [seconds (30)] [fires per second (1000)]
#
#   MAIL=directory (default) | smtp   e-mail as .eml files, or over SMTP to postfix's
#                                     smtp-sink on loopback
#   CLOCK=wall (default) | spread     the real clock, or see below
#   TIMING=steps (default) | events   see below
#   PERF=FILE                         also record a call-graph profile of okod (perf)
#
# A first `okod run` creates the schema and catches up on the demo municipalities, then
# stops. The store then gets seconds x rate open tasks of demo Maastricht, each with the
# timers the engine arms for a task with one reminder (the reminder 14 days ahead, the
# deadline weeks later); the reminders fall due from a few seconds after okod's next
# start on. Each fire is a real engine step: the reminder goes to the regisseur, an
# outbox row and an event are written, and the e-mail is sent while the next timers fire.
#
# The store keeps due times in whole seconds, so on the wall clock "1,000 fires a second"
# is 1,000 timers due at the same second, every second. CLOCK=spread puts one timer on
# each second of a clock running `rate` times real time (okod run --clock ...
# --clock-speed rate): timers then fall due 1/rate s apart in real time, which shows how
# late a step runs when the work is spread rather than bunched.
#
# TIMING=steps: okod runs with --log-level debug, and each engine step then logs the due
# time of its timer and how long after the moment the clock showed it the transaction
# holding the step committed (daemon/run/daemon.cpp, step_due_timed: one more indexed
# read and a log line per step). TIMING=events: okod runs as in production (info level,
# no extra work) and a step's moment is the stamp (to the ms) of its event's log line,
# written right after the batch that holds it; the task's title carries the due time.
set -euo pipefail
build=${1:-build/release}
seconds=${2:-30}
rate=${3:-1000}
mail=${MAIL:-directory}
clock=${CLOCK:-wall}
lead=8  # seconds from seeding to the first due timer: okod's start fits well within
repo=$(cd "$(dirname "$0")/.." && pwd)
okod=$repo/$build/okod
work=$(mktemp -d)
OKOD_PID=
sink_pid=
OKOD_LAUNCHER=
cleanup() {
    okod_cleanup  # set +e: the rest runs whatever fails
    [ -n "$sink_pid" ] && kill -TERM "$sink_pid" 2> /dev/null
    wait
    if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
# shellcheck source=bench/okod_process.sh
source "$repo/bench/okod_process.sh"

okod_config
if [ "$mail" = smtp ]; then
    sink_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    sink_user=()
    [ "$(id -u)" = 0 ] && sink_user=(-u root)  # as root smtp-sink insists on -u
    smtp-sink "${sink_user[@]}" "127.0.0.1:$sink_port" 1000 &
    sink_pid=$!
    python3 - "$work/okod.toml" "$sink_port" <<'PY'
import re, sys
path, port = sys.argv[1], sys.argv[2]
text = open(path).read()
text = re.sub(r'transport = "directory"', 'transport = "smtp"', text)
text += f'[mail.smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
open(path, "w").write(text)
PY
fi
clock_args=()
if [ "$clock" = spread ]; then
    clock_args=(--clock "$(date -Iseconds)" --clock-speed "$rate")
fi

okod_start first "${clock_args[@]}"
okod_settle
okod_stop

# The first due moment, as the clock okod will run on shows it, and how the real due
# moment of a timer follows from its due_at.
if [ "$clock" = spread ]; then
    read -r vstart speed anchor_us <<< "$(sqlite3 "$work/okod.sqlite" "SELECT value FROM meta WHERE key = 'accelerated_clock'")"
    now_us=$(date +%s%6N)
    first=$(python3 -c "print(int($vstart + ($now_us - $anchor_us) / 1e6 * $speed + $lead * $speed))")
    # timer i (0-based) is due at first + i: real moment anchor + (due - vstart) / speed
    due_expr="$first + (i - 1)"
    real_due_py="$anchor_us / 1e6 + (due - $vstart) / $speed"
else
    first=$(($(date +%s) + lead))
    due_expr="$first + (i - 1) / $rate"
    real_due_py="due"
fi
n=$((seconds * rate))
sqlite3 "$work/okod.sqlite" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE seed AS SELECT id AS instance_id, definition_id, state, state_entry
    FROM instances WHERE municipality = 'GM0935' AND finished_at IS NULL ORDER BY id LIMIT 1;
CREATE TEMP TABLE due(i INTEGER PRIMARY KEY, due_at INTEGER NOT NULL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $n)
INSERT INTO due SELECT i, $due_expr FROM n;
INSERT INTO tasks(instance_id, municipality, workflow, spec_id, key, state, state_entry, title_nl,
                  title_en, role, item, due, status, remind_days, escalation_after_days,
                  escalation_to_role, created_at, closed_at, closed_by, note)
SELECT s.instance_id, 'GM0935', s.definition_id, 'lateness', 'lateness#' || i, s.state, s.state_entry,
       'lateness ' || due_at || ' #' || i, 'lateness ' || due_at || ' #' || i, 'regisseur', '',
       due_at + 30 * 86400, 'open', '[14]', NULL, NULL, unixepoch(), NULL, '', ''
FROM due, seed AS s ORDER BY i;
INSERT INTO timers(due_at, kind, municipality, definition_id, instance_key, instance_id, task_id,
                   lead_days, transition_index, state_entry, key)
SELECT due_at, 'reminder', 'GM0935', '', '', NULL, t.id, 14, -1, 0, 'reminder/' || t.id || '/14'
    FROM tasks AS t JOIN due ON t.key = 'lateness#' || due.i
UNION ALL
SELECT t.due, 'task_due', 'GM0935', '', '', NULL, t.id, 0, -1, 0, 'due/' || t.id
    FROM tasks AS t WHERE t.spec_id = 'lateness';
COMMIT;
SQL

timing=${TIMING:-steps}
level=debug
[ "$timing" = events ] && level=info
okod_start run --log-level "$level" "${clock_args[@]}"
ready=$OKOD_READY
load=$(cut -d' ' -f1-3 /proc/loadavg)
# The strand's thread (okod's main thread): time on a CPU and time waiting for one.
read -r cpu0 wait0 _ < /proc/"$OKOD_PID"/task/"$OKOD_PID"/schedstat
perf_pid=
if [ -n "${PERF:-}" ]; then  # PERF=FILE: a call-graph profile of okod over the run
    # shellcheck disable=SC2086
    perf record ${PERF_ARGS:--F 2000 -g} -p "$OKOD_PID" -o "$PERF" 2> "$work/perf.log" &
    perf_pid=$!
fi
# Sleep through the run (nothing else touches the store meanwhile), wait until every
# timer has fired, and stop okod: the e-mails still waiting are counted, not awaited.
end_real=$(python3 -c "due = $first + ($n - 1) // ($rate if '$clock' == 'wall' else 1); print($real_due_py)")
sleep "$(python3 -c "import time; print(max(0, $end_real - time.time() + 1))")"
for _ in $(seq 1 600); do
    left=$(sqlite3 "$work/okod.sqlite" "SELECT count(*) FROM timers WHERE kind = 'reminder' AND key IN (SELECT 'reminder/' || id || '/14' FROM tasks WHERE spec_id = 'lateness')")
    [ "$left" = 0 ] && break
    sleep 0.5
done
stopped_at=$(date +%s.%N)
read -r cpu1 wait1 _ < /proc/"$OKOD_PID"/task/"$OKOD_PID"/schedstat
if [ -n "$perf_pid" ]; then kill -INT "$perf_pid"; wait "$perf_pid" || true; fi
okod_stop

python3 - "$work/run.log" "$n" "$rate" "$first" "$clock" "$timing" <<PY
import datetime, re, sys
log, n, rate, first, clock, timing = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
def real_due(due):
    return $real_due_py
last_due = first + ((n - 1) // rate if clock == "wall" else n - 1)
steps = re.compile(r"^(\S+ \S+) \[debug\] timer due (\S+) handled (-?[0-9.]+) ms late")
events = re.compile(r"^(\S+ \S+) \[info\] .*'lateness (\d+) #\d+'")
late, ran, burst = [], [], {}
for line in open(log, errors="replace"):
    m = (steps if timing == "steps" else events).match(line)
    if not m:
        continue
    if timing == "steps":
        due = int(datetime.datetime.fromisoformat(m.group(2)).timestamp())
        ms = float(m.group(3))
    else:
        due = int(m.group(2))
        stamp = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp()
        ms = (stamp - real_due(due)) * 1000
    if not first <= due <= last_due:
        continue  # one of the demo municipalities' own timers
    late.append(ms)
    ran.append(real_due(due) + late[-1] / 1000)
    burst[due] = max(burst.get(due, 0), late[-1])
late.sort()
def pct(p):
    return late[min(len(late) - 1, int(p / 100 * len(late)))]
start = real_due(first)
what = f"{rate} due at each whole second" if clock == "wall" else f"spread: one due every {1000 / rate:g} ms of real time"
print(f"timers fired:        {len(late)} of {n} ({what})")
if late:
    print(f"lateness (ms):       p50 {pct(50):.1f}  p90 {pct(90):.1f}  p99 {pct(99):.1f}  p99.9 {pct(99.9):.1f}  max {late[-1]:.1f}  (min {late[0]:.1f})")
    if clock == "wall":  # the last timer of each second: how long each second's burst took
        b = sorted(burst.values())
        print(f"burst of {rate} (ms):  median {b[len(b) // 2]:.1f}  fastest {b[0]:.1f}  slowest {b[-1]:.1f}  over {len(b)} seconds")
    span = max(ran) - start
    print(f"achieved rate:       {len(late) / span:.0f} fires/s (the last step committed {span:.3f} s after the first due moment)")
PY
echo "start to READY=1:    $ready s"
echo "strand thread:       $(((cpu1 - cpu0) / 1000000)) ms on a CPU, $(((wait1 - wait0) / 1000000)) ms runnable but waiting for one; load average at the start $load"
sent=$(sqlite3 "$work/okod.sqlite" "SELECT count(*) FROM outbox WHERE status = 'sent' AND task_id IN (SELECT id FROM tasks WHERE spec_id = 'lateness')")
waiting=$(sqlite3 "$work/okod.sqlite" "SELECT count(*) FROM outbox WHERE status = 'pending'")
start_real=$(python3 -c "due = $first; print($real_due_py)")
echo "e-mail ($mail):  $sent sent in the $(python3 -c "print(f'{$stopped_at - $start_real:.1f}')") s from the first due moment to the stop; $waiting still waiting"
grep "stopped after" "$work/run.log" | sed 's/^.*stopped/okod: stopped/'
