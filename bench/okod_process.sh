# Shared by bench/idle_wakeups.sh and bench/lateness.sh (sourced, not run): a config in
# a temp dir, and the real `okod run` started as systemd would start it (NOTIFY_SOCKET,
# through bench/run_notified.py), so "ready" is the READY=1 datagram itself.
#
# Expects $repo (the checkout), $okod (the binary) and $work (an empty temp dir).

# okod.toml in $work: the store there, the shipped definitions and the demo
# municipalities, the API on a free loopback port, e-mail written as files.
okod_config() {
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat > "$work/okod.toml" <<TOML
[store]
path = "$work/okod.sqlite"
[definitions]
dir = "$repo/workflows/definitions"
[calendar]
school_holidays = "$repo/config/calendars/school-holidays.json"
[municipalities]
dir = "$repo/config/municipalities"
[http]
address = "127.0.0.1"
port = $port
[mail]
transport = "directory"
from = "oko@example.org"
directory = "$work/mail"
TOML
}

# okod_start NAME [okod run options...]: starts okod (log in $work/NAME.log) and waits
# for READY=1. Sets OKOD_PID, OKOD_LAUNCHER and OKOD_READY (seconds from the fork to the
# READY=1 datagram).
okod_start() {
    local name=$1
    shift
    rm -f "$work/pid" "$work/notify.log"
    python3 "$repo/bench/run_notified.py" "$work" -- "$okod" run --config "$work/okod.toml" "$@" \
        > "$work/$name.log" 2>&1 &
    OKOD_LAUNCHER=$!
    OKOD_READY=
    OKOD_PID=
    for _ in $(seq 1 12000); do
        # Known as soon as it exists, so a cleanup can stop an okod that never got ready.
        [ -z "$OKOD_PID" ] && [ -f "$work/pid" ] && OKOD_PID=$(cat "$work/pid")
        if [ -f "$work/notify.log" ]; then
            OKOD_READY=$(awk '$2 == "READY=1" { print $1; exit }' "$work/notify.log")
            [ -n "$OKOD_READY" ] && break
        fi
        if ! kill -0 "$OKOD_LAUNCHER" 2> /dev/null; then
            echo "okod exited before READY=1:" >&2
            tail -20 "$work/$name.log" >&2
            return 1
        fi
        sleep 0.01
    done
    [ -n "$OKOD_READY" ] || { echo "no READY=1 within 120 s" >&2; return 1; }
    OKOD_PID=$(cat "$work/pid")
}

# SIGTERM, and wait for the exit (okod's exit code is the launcher's). Only while the
# launcher runs: it reaps okod and exits, so its PID is then no longer okod's.
okod_stop() {
    if [ -n "$OKOD_PID" ] && kill -0 "$OKOD_LAUNCHER" 2> /dev/null; then kill -TERM "$OKOD_PID" 2> /dev/null; fi
    wait "$OKOD_LAUNCHER"
    OKOD_PID=
}

# For a script's EXIT trap: stops an okod still running (errors ignored, so the rest of
# the trap runs).
okod_cleanup() {
    set +e
    [ -n "${OKOD_LAUNCHER:-}" ] && kill -0 "$OKOD_LAUNCHER" 2> /dev/null && [ -n "$OKOD_PID" ] && kill -TERM "$OKOD_PID" 2> /dev/null
    [ -n "${OKOD_LAUNCHER:-}" ] && wait "$OKOD_LAUNCHER" 2> /dev/null
    return 0
}

# Waits until okod has caught up: no timer due and no e-mail waiting (the first start
# on the wall clock replays the demo municipalities' past years).
okod_settle() {
    for _ in $(seq 1 600); do
        local busy
        busy=$(sqlite3 "$work/okod.sqlite" "SELECT (SELECT count(*) FROM timers WHERE due_at <= unixepoch()) + (SELECT count(*) FROM outbox WHERE status = 'pending')")
        [ "$busy" = 0 ] && return 0
        sleep 0.5
    done
    echo "okod did not catch up within 300 s" >&2
    return 1
}
