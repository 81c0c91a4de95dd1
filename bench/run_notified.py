#!/usr/bin/env python3
"""Starts a program the way systemd starts a Type=notify service, and times READY=1.

    bench/run_notified.py DIR -- PROGRAM [ARGS...]

Binds the datagram socket DIR/notify.sock, starts PROGRAM with NOTIFY_SOCKET naming it
(stdout and stderr inherited), writes its pid to DIR/pid and appends each notification
to DIR/notify.log as "<seconds since the start> <first line>", e.g. "0.084211 READY=1".
The start is taken just before the fork, so the figure includes exec and the dynamic
loader. Exits with the program's exit code when it has exited (a signal: 128 + signo).
Extra environment (e.g. WATCHDOG_USEC) is passed through from the caller.
"""
import os
import socket
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    work, argv = sys.argv[1], sys.argv[3:]
    path = os.path.join(work, "notify.sock")
    if os.path.exists(path):
        os.unlink(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.2)  # to notice the program's exit; only this listener wakes
    env = dict(os.environ, NOTIFY_SOCKET=path)
    with open(os.path.join(work, "notify.log"), "a", buffering=1) as log:
        start = time.monotonic()
        proc = subprocess.Popen(argv, env=env)
        with open(os.path.join(work, "pid.tmp"), "w") as f:
            f.write(f"{proc.pid}\n")
        os.rename(os.path.join(work, "pid.tmp"), os.path.join(work, "pid"))
        while True:
            try:
                message = sock.recv(65536)
            except socket.timeout:
                if proc.poll() is not None:
                    break
                continue
            at = time.monotonic() - start
            for line in message.decode(errors="replace").splitlines():
                log.write(f"{at:.6f} {line}\n")
    sock.close()
    os.unlink(path)
    code = proc.wait()
    return 128 - code if code < 0 else code


if __name__ == "__main__":
    sys.exit(main())
