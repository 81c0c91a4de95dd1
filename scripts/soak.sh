#!/usr/bin/env bash
# Soak (issues 7 and 16): okod on the accelerated clock for years of simulated time,
# with SMTP outages (one of them 72 hours), kill -9 restarts and full disks, against a
# real SMTP server (postfix's smtp-sink on 127.0.0.1, every message kept as a file).
# Afterwards every e-mail that `okod simulate` decides on over the same period must have
# arrived exactly once.
#
#   scripts/soak.sh [build dir] [years]          # defaults: build/release, 5
#   scripts/soak.sh --speed 300000 --kills 100 --outages 12 --full-disks 2 --seed 42 ...
#
# Options (or the environment variable in brackets):
#   --build DIR     where okod is [SOAK_BUILD, build/release]
#   --years N       simulated years, 1-9 [SOAK_YEARS, 5]
#   --start DAY     first simulated day, the clock starts at 00:00 there [SOAK_START, 2022-01-03]
#   --speed N       simulated seconds per real second [SOAK_SPEED, 300000: 5 years in 8.8 min]
#   --kills N       kill -9 + restart, half right after an e-mail arrived [SOAK_KILLS, 100]
#   --outages N     smtp-sink stopped for 6 h to the longest (simulated), then back on the
#                   same port [SOAK_OUTAGES, 12]
#   --outage-hours H  the longest outage, simulated hours [SOAK_OUTAGE_HOURS, 120]
#   --long-outage-hours H  the first outage lasts exactly this long [SOAK_LONG_OUTAGE_HOURS, 72]
#   --full-disks N  the store's filesystem (a tmpfs the script mounts: root only) full
#                   as the SMTP server returns from an outage, for half a guard of real
#                   time, then emptied again [SOAK_FULL_DISKS, 2 as root, else 0]
#   --seed N        where the faults go; printed, so a run can be repeated [SOAK_SEED, random]
#   --guard S       real seconds a restart may take: no kill lands within that much
#                   simulated time before a moment at which anything falls due [SOAK_GUARD_SECONDS, 1]
#   --keep DIR      work in DIR and keep it [SOAK_KEEP]; otherwise a temp dir, kept only on failure
#   --strict        fail on any duplicate, also one resent after a kill -9 between the
#                   server's 250 and okod's commit (same Message-ID) [SOAK_STRICT=1]
#
# Why the reference is okod simulate: it runs the same engine on a virtual clock with
# no process, no SMTP and no crash in it. Killed and restarted, okod must decide exactly
# the same and deliver each of those decisions once. A restart takes real time, which
# the accelerated clock turns into simulated days; a reminder that falls due while okod
# is down goes out late or not at all by design (the late-reminder policy), so the plan
# keeps each kill's downtime clear of such moments and the check warns if one was not.
#
# Exit status: 0 every expected e-mail arrived exactly once (apart from resends of a
# message in flight at a kill, reported), nothing left pending or dead; 1 otherwise;
# 2 bad arguments or missing tools.
set -euo pipefail
{  # bash reads all of this before it runs any: a soak survives edits to this file

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${SOAK_BUILD:-build/release}
years=${SOAK_YEARS:-5}
start_day=${SOAK_START:-2022-01-03}
speed=${SOAK_SPEED:-300000}
kills=${SOAK_KILLS:-100}
outages=${SOAK_OUTAGES:-12}
seed=${SOAK_SEED:-}
guard=${SOAK_GUARD_SECONDS:-1}
keep=${SOAK_KEEP:-}
strict=${SOAK_STRICT:-0}
outage_hours=${SOAK_OUTAGE_HOURS:-120}
long_outage_hours=${SOAK_LONG_OUTAGE_HOURS:-72}
full_disks=${SOAK_FULL_DISKS:-}
[[ -z $full_disks ]] && { ((EUID == 0)) && full_disks=2 || full_disks=0; }

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
positional=()
while (($#)); do
    case $1 in
        --build) build=$2; shift 2 ;;
        --years) years=$2; shift 2 ;;
        --start) start_day=$2; shift 2 ;;
        --speed) speed=$2; shift 2 ;;
        --kills) kills=$2; shift 2 ;;
        --outages) outages=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --guard) guard=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        --outage-hours) outage_hours=$2; shift 2 ;;
        --long-outage-hours) long_outage_hours=$2; shift 2 ;;
        --full-disks) full_disks=$2; shift 2 ;;
        --strict) strict=1; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) echo "soak: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) positional+=("$1"); shift ;;
    esac
done
((${#positional[@]} > 0)) && build=${positional[0]}
((${#positional[@]} > 1)) && years=${positional[1]}
((${#positional[@]} > 2)) && { echo "soak: too many arguments (see --help)" >&2; exit 2; }
[[ -z $seed ]] && seed=$(((RANDOM << 15) | RANDOM))
for n in years speed kills outages seed outage_hours long_outage_hours full_disks; do
    [[ ${!n} =~ ^[0-9]+$ ]] || { echo "soak: --${n/_/-} must be a whole number, not '${!n}'" >&2; exit 2; }
done
# okod refuses an accelerated clock more than 10 years ahead of its start.
((years >= 1 && years <= 9)) || { echo "soak: --years must be 1-9" >&2; exit 2; }
((speed > 0)) || { echo "soak: --speed must be positive" >&2; exit 2; }
((full_disks == 0 || EUID == 0)) || { echo "soak: --full-disks needs root (it mounts a tmpfs for the store)" >&2; exit 2; }

[[ $build = /* ]] || build=$repo/$build
okod=$build/okod
[[ -x $okod ]] || { echo "soak: $okod not found; build first (cmake --build --preset release)" >&2; exit 2; }
sink=
for c in /usr/sbin/smtp-sink /usr/lib/postfix/sbin/smtp-sink "$(command -v smtp-sink || true)"; do
    [[ -n $c && -x $c ]] && { sink=$c; break; }
done
[[ -n $sink ]] || { echo "soak: postfix's smtp-sink is missing: scripts/install-deps.sh --tests (or apt-get install postfix)" >&2; exit 2; }
command -v python3 > /dev/null || { echo "soak: python3 is missing" >&2; exit 2; }
helper=$repo/scripts/soak_helper.py

if [[ -n $keep ]]; then
    mkdir -p "$keep"
    [[ -z $(ls -A "$keep") ]] || { echo "soak: $keep is not empty" >&2; exit 2; }
    work=$(cd "$keep" && pwd -P)
else
    work=$(mktemp -d /tmp/okod-soak.XXXXXX)
    work=$(cd "$work" && pwd -P)
fi
mail_dir=$work/mail
store_dir=$work/store
mkdir -p "$mail_dir" "$work/bin" "$store_dir"
# A copy: the build dir may be rebuilt while the soak runs, and the reference and every
# restart must be the same okod.
cp "$okod" "$work/bin/okod"
okod=$work/bin/okod
"$okod" --version > "$work/okod-version" || { echo "soak: the copy of okod does not run (being linked?)" >&2; exit 2; }

okod_pid=
sink_pid=
store_mounted=0
verdict=1
cleanup() {
    local rc=$?
    # Only the processes this script started, by their PID.
    if [[ -n $okod_pid ]] && kill -KILL "$okod_pid" 2> /dev/null; then wait "$okod_pid" 2> /dev/null || true; fi
    if [[ -n $sink_pid ]] && kill -KILL "$sink_pid" 2> /dev/null; then wait "$sink_pid" 2> /dev/null || true; fi
    # The store's tmpfs: its contents go to the work dir first, for a look afterwards.
    if ((store_mounted)); then
        cp -a "$store_dir" "$work/store-copy" 2> /dev/null || true
        umount -l "$store_dir" 2> /dev/null || true
    fi
    if [[ -z $keep && $verdict -eq 0 && $rc -eq 0 ]]; then
        rm -rf "$work"
    else
        echo "soak: work dir kept: $work"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- small tools -------------------------------------------------------------------
exec {nap_fd}<> <(:)  # read -t on a pipe nobody writes to: a sleep without a fork
nap() { read -r -t "$1" -u "$nap_fd" _ || true; }
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }
secs() { printf '%d.%06d' $(($1 / 1000000)) $(($1 % 1000000)); }
sleep_until() {
    local d=$(($1 - $(now_us)))
    ((d > 0)) && nap "$(secs "$d")"
    return 0
}
note() { local t=$EPOCHREALTIME IFS=$'\t'; echo "${t/./}	$*" >> "$work/events.tsv"; }
die() {
    echo "soak: $*" >&2
    exit 1
}
# The real moment (µs) at which okod's clock shows simulated second $1.
real_at() { echo $((anchor_us + ($1 - clock_epoch) * 1000000 / speed)); }
count_mail() {  # into $mails, without a fork: it runs in a tight loop
    local f
    shopt -s nullglob
    f=("$mail_dir"/*)
    shopt -u nullglob
    mails=${#f[@]}
}

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

sink_start() {
    local args=(-a -d "$mail_dir/%Y%m%dT%H%M%S." "127.0.0.1:$port" 100)
    ((EUID == 0)) && args=(-u root "${args[@]}")  # as root smtp-sink insists on -u
    "$sink" "${args[@]}" < /dev/null >> "$work/smtp-sink.log" 2>&1 &
    sink_pid=$!
    local i
    for ((i = 0; i < 1000; i++)); do
        if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
            note sink_start
            return 0
        fi
        kill -0 "$sink_pid" 2> /dev/null || break
        nap 0.01
    done
    die "smtp-sink did not come up on 127.0.0.1:$port: $(tail -3 "$work/smtp-sink.log")"
}

# Frozen first, so it opens no new dump between our look at its files and the kill;
# the dumps it still holds open are transactions it never answered with 250.
sink_stop() {
    [[ -n $sink_pid ]] || return 0
    note "${1:-sink_stop}"
    kill -STOP "$sink_pid"
    local fd target unfinished=()
    for fd in /proc/"$sink_pid"/fd/*; do
        target=$(readlink "$fd" 2> /dev/null) || continue
        [[ $target == "$mail_dir"/* ]] && unfinished+=("$target")
    done
    kill -KILL "$sink_pid"
    wait "$sink_pid" 2> /dev/null || true
    sink_pid=
    ((${#unfinished[@]} == 0)) || rm -f "${unfinished[@]}"
}

starts=0
okod_start() {
    starts=$((starts + 1))
    local log=$work/okod-$starts.log i
    note okod_start "$starts"
    : > "$log"
    "$okod" run --config "$work/okod.toml" --clock "$clock" --clock-speed "$speed" \
        < /dev/null > "$log" 2>&1 &
    okod_pid=$!
    for ((i = 0; i < 3000; i++)); do
        if grep -q "ready: " "$log"; then
            note ready "$starts"
            return 0
        fi
        kill -0 "$okod_pid" 2> /dev/null || die "okod exited at start $starts: $(tail -5 "$log")"
        nap 0.01
    done
    die "okod start $starts not ready after 30 s: $(tail -5 "$log")"
}

okod_kill() {
    note kill "$1"
    kill -KILL "$okod_pid"
    wait "$okod_pid" 2> /dev/null || true
    okod_pid=
}

okod_alive() {
    kill -0 "$okod_pid" 2> /dev/null || die "okod exited by itself: $(tail -5 "$work/okod-$starts.log")"
}

# The store on a tmpfs of its own, so that it can really be filled: okod's WAL grows to
# some 40 MiB between checkpoints, a few years of store are a few MiB more.
if ((full_disks > 0)); then
    mount -t tmpfs -o size=256m,mode=0755 tmpfs "$store_dir" || die "cannot mount a tmpfs on $store_dir"
    store_mounted=1
fi
disk_fill() {  # in a few milliseconds: fallocate takes the free space at once, dd the rest
    local free
    free=$(stat -f -c '%a * %S' "$store_dir")
    fallocate -l $((free)) "$store_dir/ballast" 2> /dev/null || true
    dd if=/dev/zero of="$store_dir/ballast-rest" bs=4k status=none 2> /dev/null || true  # until ENOSPC
    note disk_full "$1"
}
disk_drain() {
    rm -f "$store_dir/ballast" "$store_dir/ballast-rest"
    note disk_drained
}

# --- the configuration --------------------------------------------------------------
eval "$(python3 "$helper" times "$start_day" "$years")"  # clock, start_epoch, end_epoch, simulate_to
clock_epoch=$start_epoch
cat > "$work/okod.toml" << TOML
# scripts/soak.sh: the demo municipalities and shipped definitions, mail over SMTP to
# smtp-sink on 127.0.0.1:$port, the store in store/ (a tmpfs with --full-disks). The
# retry policy is okod's own: outages of days must not turn mail into dead letters.
[store]
path = "$store_dir/okod.sqlite"

[definitions]
dir = "$repo/workflows/definitions"

[calendar]
school_holidays = "$repo/config/calendars/school-holidays.json"

[engine]
due_time = "17:00"
reminder_time = "09:00"

[municipalities]
dir = "$repo/config/municipalities"

[reports]
dir = "$work/reports"
pdf = false

[mail]
transport = "smtp"
from = "oko-regie@gemeente.example"
from_name = "OKO-regie"

[mail.smtp]
host = "127.0.0.1"
port = $port
security = "none"
timeout_seconds = 5
TOML
echo "$seed" > "$work/seed"

echo "soak: seed $seed; $years years from $clock at $speed x; $kills kills, $outages SMTP outages of at most $outage_hours h (the first $long_outage_hours h), $full_disks full disks; work dir $work"
echo "soak: repeat with: scripts/soak.sh --build ${build#"$repo"/} --years $years --start $start_day --speed $speed --kills $kills --outages $outages --outage-hours $outage_hours --long-outage-hours $long_outage_hours --full-disks $full_disks --guard $guard --seed $seed"

# --- the reference: the same config on okod simulate's virtual clock ----------------
timeout 600 "$okod" simulate --config "$work/okod.toml" --from "$start_day" --to "$simulate_to" \
    --store "$work/ref.sqlite" --json > "$work/ref.jsonl" 2> "$work/simulate.err" ||
    die "okod simulate failed: $(tail -5 "$work/simulate.err")"
timeout 120 python3 "$helper" plan --ref-store "$work/ref.sqlite" --start "$start_epoch" --end "$end_epoch" \
    --speed "$speed" --kills "$kills" --outages "$outages" --seed "$seed" --guard-seconds "$guard" \
    --outage-hours "$outage_hours" --long-outage-hours "$long_outage_hours" --full-disks "$full_disks" > "$work/plan.txt"
cutoff=$(awk '$1 == "cutoff" { print $2 }' "$work/plan.txt")
stop_by=$(awk '$1 == "stop_by" { print $2 }' "$work/plan.txt")

# --- the run -----------------------------------------------------------------------
sink_start
okod_start
read -r clock_epoch _ anchor_us < <(python3 "$helper" anchor "$store_dir/okod.sqlite")
python3 "$helper" anchor "$store_dir/okod.sqlite" > "$work/anchor"
echo "soak: okod runs (pid $okod_pid); the simulated period ends about $(secs $(($(real_at "$cutoff") - $(now_us)))) s from now"

while read -r -u 9 word at kind arg1 arg2 arg3; do
    [[ $word == action ]] || continue
    # A kill after the next e-mail counts the mail files a little before its moment
    # (arg3): okod may be quicker to send than this script is to wake up.
    [[ $kind == kill_mail ]] && sleep_until "$(real_at "$arg3")" && count_mail
    sleep_until "$(real_at "$at")"
    okod_alive
    case $kind in
        sink_stop) sink_stop ;;
        sink_start) sink_start ;;
        kill)
            okod_kill random
            okod_start
            ;;
        kill_mail)
            # Right after the next e-mail arrives (waiting at most arg2 ms), arg1 ms later.
            before=$mails
            give_up=$(($(now_us) + arg2 * 1000))
            while t=$EPOCHREALTIME && ((mails <= before && ${t/./} < give_up)); do
                nap 0.001
                count_mail
            done
            nap "$(secs $((arg1 * 1000)))"
            if ((mails > before)); then okod_kill mail; else okod_kill mail-timeout; fi
            okod_start
            ;;
        sink_start_full_disk)
            # The SMTP server returns while the store's disk is full, for arg1 ms.
            disk_fill "$arg1"
            sink_start
            nap "$(secs $((arg1 * 1000)))"
            disk_drain
            ;;
    esac
done 9< "$work/plan.txt"

# --- the end: past the cutoff, everything sent, then a clean stop -------------------
sleep_until $(($(real_at "$cutoff") + 20000))
okod_alive
last_chance=$(real_at $((stop_by - $(awk '$1 == "guard" { print $2 }' "$work/plan.txt") / 2)))
while :; do
    pending=$(python3 "$helper" pending "$store_dir/okod.sqlite")
    ((pending == 0)) && break
    (($(now_us) < last_chance)) || { echo "soak: still $pending e-mails pending at the end" >&2; break; }
    nap 0.02
done
note sigterm
kill -TERM "$okod_pid"
for ((i = 0; i < 3000; i++)); do
    kill -0 "$okod_pid" 2> /dev/null || break
    nap 0.01
done
if kill -0 "$okod_pid" 2> /dev/null; then
    echo "soak: okod did not stop within 30 s of SIGTERM" >&2
    kill -KILL "$okod_pid"
fi
wait "$okod_pid" 2> /dev/null && status=0 || status=$?
okod_pid=
note stopped "$status"
sink_stop sink_end
((status == 0)) || echo "soak: okod exited $status after SIGTERM" >&2

# --- the verdict --------------------------------------------------------------------
check_args=("$work")
((strict)) && check_args+=(--strict)
if python3 "$helper" check "${check_args[@]}" && ((status == 0)); then verdict=0; fi
echo "  the whole script     ${SECONDS} s (reference simulation, run, check); seed $seed"
exit "$verdict"
}
