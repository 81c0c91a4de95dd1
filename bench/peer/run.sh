#!/usr/bin/env bash
# The peer benchmark (BENCHMARKS.md, "Peer: BullMQ + Redis"): `okod_bench reminders`
# (a transaction per step, then group commit; OKOD_GROUPS="1 256" to choose), then right
# after it on the same machine the same workload on BullMQ with a redis-server of its
# own (AOF on, appendfsync always), and the ratios.
#
#   bench/peer/run.sh [BUILD_DIR (build/release)] [N (100000)]
#
# Also prints the peer with appendfsync everysec, labelled (it may lose the last second
# of work, okod never does). PEER_SCRIPT=1 adds the peer recording through its own Lua
# script (outbox row and event line, then BullMQ's completion: two writes a job).
# PEER_CONCURRENCY=N runs the peer's worker with N jobs at a time (default 1, BullMQ's
# default and okod's one strand). DEADLINES=ordered gives both sides deadlines that rise
# with creation order instead of spread over the year (okod_bench reminders --deadlines).
#
# Installs nothing: it says what is missing. Starts one redis-server at a time on
# 127.0.0.1, on a free port, in a temp dir, and stops only the PID it started; a system
# redis is never touched.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build/release}
count=${2:-100000}
deadlines=${DEADLINES:-spread}
peer_dir=$root/bench/peer
bench=$build/bench/okod_bench

missing=0
if [[ ! -x $bench ]]; then
    echo "no $bench: cmake --build $build --target okod_bench" >&2
    missing=1
fi
if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    echo "no redis-server: apt-get install redis-server" >&2
    missing=1
fi
if ! command -v node >/dev/null; then
    echo "no node: apt-get install nodejs npm" >&2
    missing=1
elif [[ ! -d $peer_dir/node_modules/bullmq ]]; then
    echo "no BullMQ: npm ci --prefix bench/peer" >&2
    missing=1
fi
((missing == 0)) || exit 1

work=$(mktemp -d "${TMPDIR:-/tmp}/okod-peer.XXXXXX")
redis_pid=""
stop_redis() {
    [[ -n $redis_pid ]] || return 0
    kill "$redis_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$redis_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
    redis_pid=""
}
trap 'stop_redis; rm -rf "$work"' EXIT

# A port nobody listens on; redis-server refusing it anyway (a race) fails the wait below.
free_port() {
    for _ in $(seq 50); do
        local port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port found" >&2
    return 1
}

# start_redis NAME FSYNC: a fresh redis-server in its own new dir; sets redis_pid and port.
start_redis() {
    local dir=$work/redis-$1
    mkdir "$dir"
    port=$(free_port)
    # No RDB snapshots: the AOF is the durability, and a background save mid-run would
    # fork and write the whole data set.
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --appendonly yes --appendfsync "$2" \
        --save '' --daemonize no --logfile "$dir/redis.log" &
    redis_pid=$!
    for _ in $(seq 100); do
        if [[ $(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null) == PONG ]]; then return 0; fi
        kill -0 "$redis_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "redis-server did not come up on 127.0.0.1:$port (see below)" >&2
    tail -5 "$dir/redis.log" >&2 || true
    return 1
}

# peer NAME FSYNC [ARGS...]: one peer run on a fresh redis, stopped again whatever
# happens; the output also goes to $work/NAME.out.
peer() {
    local name=$1 fsync=$2 rc=0
    shift 2
    disk_probe "$name"
    start_redis "$name" "$fsync"
    timeout 3700 node "$peer_dir/bullmq-reminders.mjs" --port "$port" --count "$count" \
        --concurrency "${PEER_CONCURRENCY:-1}" --deadlines "$deadlines" --timeout-s 3600 "$@" |
        tee "$work/$name.out" || rc=$?
    stop_redis
    return "$rc"
}

# The disk's rate of synced 4 KiB overwrites right now (a commit costs at least one):
# the machine may be shared, so each run is printed with the state of the disk before it.
disk_probe() {
    local f=$work/probe started
    dd if=/dev/zero of="$f" bs=4k count=300 status=none
    started=$(date +%s%N)
    timeout 120 dd if=/dev/zero of="$f" bs=4k count=300 oflag=dsync conv=notrunc status=none
    awk -v ns=$(($(date +%s%N) - started)) 'BEGIN { printf "%.0f", 300 / (ns / 1e9) }' >"$work/$1.disk"
    echo "(disk before $1: $(cat "$work/$1.disk") synced 4 KiB writes/s)"
}

result() { grep '^result ' "$work/$1.out" 2>/dev/null || true; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# okod first: one transaction per step, then the daemon's group commit (256 steps due
# at the same moment in one transaction, Engine::step_due).
okod_runs=()
for group in ${OKOD_GROUPS:-1 256}; do
    echo "== okod: $bench reminders --count $count --group $group --deadlines $deadlines"
    disk_probe "okod-$group"
    timeout 3600 "$bench" reminders --count "$count" --group "$group" --deadlines "$deadlines" |
        tee "$work/okod-$group.out"
    okod_runs+=("okod-$group")
done
echo "== BullMQ, appendfsync always (right after okod)"
peer always always
echo "== BullMQ, appendfsync everysec (not durable per job: for comparison only)"
peer everysec everysec
peer_runs=(always everysec)
if [[ ${PEER_SCRIPT:-0} == 1 ]]; then
    echo "== BullMQ, appendfsync always, --record script"
    peer script always --record script
    peer_runs+=(script)
fi

label() {
    case $1 in
        okod-1) echo "okod, a transaction per step" ;;
        okod-*) echo "okod, group commit (${1#okod-} steps)" ;;
        always) echo "BullMQ, AOF always, c=${PEER_CONCURRENCY:-1}" ;;
        everysec) echo "BullMQ, AOF everysec, c=${PEER_CONCURRENCY:-1}" ;;
        script) echo "BullMQ, AOF always, script, c=${PEER_CONCURRENCY:-1}" ;;
    esac
}
echo
echo "== reminders/s, N = $count, deadlines $deadlines (okod: SQLite WAL, synchronous=FULL)"
printf '%-40s %9s %9s %9s %11s\n' "" schedule fire total "disk syncs"
for run in "${okod_runs[@]}" "${peer_runs[@]}"; do
    line=$(result "$run")
    [[ -n $line ]] || continue
    printf '%-40s %9s %9s %9s %11s\n' "$(label "$run")" "$(field schedule_per_s "$line")" \
        "$(field fire_per_s "$line")" "$(field total_per_s "$line")" "$(cat "$work/$run.disk")"
done
echo
echo "== okod's speed as a multiple of the peer's (the peer's time / okod's time)"
printf '%-40s %-36s %7s %7s\n' okod peer fire total
for o in "${okod_runs[@]}"; do
    for p in "${peer_runs[@]}"; do
        ol=$(result "$o") pl=$(result "$p")
        [[ -n $ol && -n $pl ]] || continue
        printf '%-40s %-36s %7s %7s\n' "$(label "$o")" "$(label "$p")" \
            "$(awk -v a="$(field fire_s "$pl")" -v b="$(field fire_s "$ol")" 'BEGIN { printf "%.2f", a / b }')" \
            "$(awk -v a="$(field total_s "$pl")" -v b="$(field total_s "$ol")" 'BEGIN { printf "%.2f", a / b }')"
    done
done
