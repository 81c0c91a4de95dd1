#!/usr/bin/env python3
"""The arithmetic and the verdict of scripts/soak.sh (standard library only).

  times   START YEARS            the --clock value, the soak's first and last moment
  plan    ...                    where to put the SMTP outages, kill -9s and full disks
  anchor  STORE                  the accelerated clock okod keeps in its store
  pending STORE                  how many e-mails okod still has to send
  check   WORK                   every expected e-mail exactly once? prints the figures

Times are Unix seconds of the simulated clock unless a name ends in _us (real time,
microseconds). The expectation comes from `okod simulate` over the same config (its
outbox, ref.sqlite); what arrived comes from the files smtp-sink wrote, read with
Python's email package, not okod's own parser.
"""
import argparse
import bisect
import datetime as dt
import email
import os
import random
import sqlite3
import statistics
import sys
from email import policy
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")
HOUR = 3600
DAY = 86400


def local(ts):
    return dt.datetime.fromtimestamp(ts, AMS).strftime("%Y-%m-%d %H:%M")


def days(seconds):
    return f"{seconds / DAY:.1f} d"


def ro(path):
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


# --- times -------------------------------------------------------------------------


def cmd_times(a):
    start = dt.datetime.combine(dt.date.fromisoformat(a.start), dt.time(0, 0), AMS)
    end = start.replace(year=start.year + a.years)
    horizon = end.date() + dt.timedelta(days=120)
    print(f"clock={start.isoformat()}")
    print(f"start_epoch={int(start.timestamp())}")
    print(f"end_epoch={int(end.timestamp())}")
    print(f"simulate_to={horizon.isoformat()}")


# --- plan ----------------------------------------------------------------------------


def reference_instants(ref_store):
    """Every moment at which the reference run changed something (its event log)."""
    with ro(ref_store) as db:
        return sorted({row[0] for row in db.execute("SELECT at FROM events")})


def reference_mail_instants(ref_store, before):
    with ro(ref_store) as db:
        return sorted({row[0] for row in db.execute(
            "SELECT created_at FROM outbox WHERE created_at < ?", (before,))})


class Instants:
    def __init__(self, values):
        self.values = values

    def quiet(self, a, b):
        """No reference instant in [a, b]."""
        i = bisect.bisect_left(self.values, a)
        return i == len(self.values) or self.values[i] > b

    def next_after(self, t):
        i = bisect.bisect_right(self.values, t)
        return self.values[i] if i < len(self.values) else None


def choose_cutoff(instants, nominal_end, guard):
    """The first moment at or after the nominal end that is followed by at least two
    guards without any reference instant: okod is stopped in that quiet stretch, so what
    it decided until then is exactly what the reference decided until the cutoff."""
    candidates = [nominal_end] + [i + 6 * HOUR for i in instants.values if i + 6 * HOUR > nominal_end]
    for t in candidates:
        if instants.quiet(t, t + 2 * guard):
            return t
    raise SystemExit("soak plan: no quiet stretch after the end of the period; simulate further")


def cmd_plan(a):
    rnd = random.Random(a.seed)
    instants = Instants(reference_instants(a.ref_store))
    guard = int(a.guard_seconds * a.speed)  # simulated seconds a restart may take, at most
    cutoff = choose_cutoff(instants, a.end, guard)
    stop_by = instants.next_after(cutoff)
    mails = [m for m in reference_mail_instants(a.ref_store, cutoff)]
    lo, hi = a.start + 2 * DAY, cutoff - 2 * guard - 2 * DAY
    if hi <= lo:
        raise SystemExit("soak plan: the period is too short for this speed")
    actions = []  # (virtual time, kind, args...)

    # SMTP outages: each begins up to a day before e-mail falls due (so there is always
    # something to retry) and lasts 6 hours (or less, if the longest is shorter) to the
    # longest; a day at least between two. The first lasts exactly --long-outage-hours
    # (a weekend and more: 72 h), so every soak has one.
    outages = []
    for n in range(a.outages):
        for _attempt in range(2000):
            m = rnd.choice(mails)
            begin = m - rnd.randint(60, DAY)
            longest = int(a.outage_hours * HOUR)
            end = begin + (int(a.long_outage_hours * HOUR) if n == 0 and a.long_outage_hours > 0
                           else rnd.randint(min(6 * HOUR, longest // 2), longest))
            if lo <= begin and end <= hi and all(end + DAY <= b or begin >= e + DAY for b, e in outages):
                outages.append((begin, end))
                actions.append((begin, "sink_stop"))
                actions.append((end, "sink_start"))
                break
    # kill -9s. Each is followed by a guard without any reference instant: the restart
    # (at most guard_seconds of real time) must not make okod decide anything late, or
    # it would legitimately differ from the reference (the late-reminder policy).
    # Half of them right after an e-mail arrives (mail flowing: the moment a delivery
    # is recorded), at a moment e-mail falls due or when an outage ends and the retries
    # go out; the other half at random quiet moments, in an outage or not.
    kills = []
    placed_flight = placed_random = in_outage = 0
    for k in range(a.kills):
        want_flight = k < a.kills // 2
        for _attempt in range(20000):
            after_outage = None
            if want_flight:
                if outages and rnd.random() < 0.3:
                    after_outage = rnd.choice(outages)
                    at = after_outage[1] + 1
                    if not any(after_outage[0] <= m < after_outage[1] for m in mails):
                        continue  # nothing waits to be retried
                else:
                    at = rnd.choice(mails)
            elif outages and rnd.random() < 0.25:
                outage = rnd.choice(outages)  # okod restarts while the server is away
                at = rnd.randint(*outage)
            else:
                at = rnd.randint(lo, hi)
            if not (lo <= at <= hi) or not instants.quiet(at + 1, at + guard + 12 * HOUR):
                continue
            if any(abs(at - other) < 2 * guard for other in kills):
                continue  # one restart at a time
            inside = any(b <= at <= e for b, e in outages)
            if want_flight and inside:
                continue  # nothing flows in an outage
            # Not right at an outage's start or end (a restart there would only delay
            # it), except the kill that waits for the retries after one.
            if any(abs(at - x) < guard // 10 for o in outages if o != after_outage for x in o):
                continue
            kills.append(at)
            if want_flight:
                # soak.sh counts the mail files a little before `at` (okod may send
                # sooner than the script wakes up), but after the e-mail of the moment
                # before has gone out; it waits at most a fifth of the guard.
                previous = instants.values[bisect.bisect_left(instants.values, at) - 1]
                count_at = max(at - int(0.3 * a.speed), (previous + at) // 2)
                actions.append((at, "kill_mail", rnd.randint(0, 10), int(a.guard_seconds * 200), count_at))
                placed_flight += 1
            else:
                actions.append((at, "kill"))
                placed_random += 1
                in_outage += inside
            break
    # Full disks: at the end of an outage with e-mail waiting, the store's filesystem is
    # filled just before the SMTP server returns and emptied hold_ms of real time later:
    # okod sends what waited, cannot record that it did, and must neither send it again
    # nor lose it. The end is followed by a quiet guard, as a kill is: the engine cannot
    # commit while the disk is full, and a decision taken late would differ from the
    # reference. (The first outage, the long one, stays an outage only.)
    disks = []
    hold_ms = int(a.guard_seconds * 500)
    candidates = [o for o in outages[1:] if any(o[0] <= m < o[1] for m in mails)
                  and instants.quiet(o[1] + 1, o[1] + guard + 12 * HOUR)]
    for begin, end in rnd.sample(candidates, min(a.full_disks, len(candidates))):
        actions.remove((end, "sink_start"))
        actions.append((end, "sink_start_full_disk", hold_ms))
        disks.append(end)
    print(f"cutoff {cutoff}")
    print(f"stop_by {stop_by if stop_by is not None else cutoff + 30 * DAY}")
    print(f"guard {guard}")
    for act in sorted(actions, key=lambda x: (x[0], x[1] != "sink_start")):
        print("action " + " ".join(str(x) for x in act))
    print(f"soak plan: {len(outages)} SMTP outages (the first {a.long_outage_hours:g} h), {len(disks)} full disks, "
          f"{placed_flight} kills with mail flowing, "
          f"{placed_random} kills at random quiet moments ({in_outage} of them during an outage); cutoff {local(cutoff)} "
          f"(nothing due until {local(stop_by) if stop_by else 'later'}), guard {days(guard)}",
          file=sys.stderr)


# --- anchor, pending -----------------------------------------------------------------


def cmd_anchor(a):
    with ro(a.store) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'accelerated_clock'").fetchone()
    if not row or not row[0]:
        raise SystemExit("no accelerated clock in the store")
    start, speed, anchor_us = row[0].split()
    print(f"{start} {speed} {anchor_us}")


def cmd_pending(a):
    with ro(a.store) as db:
        print(db.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()[0])


# --- check ---------------------------------------------------------------------------


def fnv1a64(text):
    h = 14695981039346656037
    for c in text.encode():
        h ^= c
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def read_dump(path):
    """One smtp-sink dump: its own X-*: and Received: lines, then the message."""
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    rcpt, i, in_received = [], 0, False
    while i < len(lines):
        line = lines[i]
        continuation = line[:1] in (b" ", b"\t")
        if in_received and not continuation:
            break
        if line.startswith(b"X-Rcpt-Args:"):
            rcpt.append(line[12:].decode().strip().strip("<>").split(">")[0])
        if line.startswith(b"Received:"):
            in_received = True
        i += 1
    msg = email.message_from_bytes(b"\n".join(lines[i:]), policy=policy.default)
    return {
        "file": os.path.basename(path),
        "mtime_us": os.stat(path).st_mtime_ns // 1000,
        "key": str(msg.get("X-Okod-Key", "")),
        "message_id": str(msg.get("Message-ID", "")).strip(),
        "to": msg["To"].addresses[0].addr_spec if msg["To"] and msg["To"].addresses else "",
        "rcpt": rcpt,
        "subject": str(msg.get("Subject", "")),
    }


def read_actions(path):
    """events.tsv written by soak.sh: real time (µs), what happened, details."""
    out = []
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            out.append((int(parts[0]), parts[1], parts[2:]))
    return out


def read_plan(path):
    plan = {}
    with open(path) as f:
        for line in f:
            k, _, v = line.partition(" ")
            if k in ("cutoff", "stop_by", "guard"):
                plan[k] = int(v)
    return plan


def cmd_check(a):
    work = a.work
    plan = read_plan(os.path.join(work, "plan.txt"))
    cutoff = plan["cutoff"]
    clock_start, speed, anchor_us = open(os.path.join(work, "anchor")).read().split()
    clock_start, speed, anchor_us = int(clock_start), float(speed), int(anchor_us)

    def virtual(real_us):
        return clock_start + (real_us - anchor_us) / 1e6 * speed

    with ro(os.path.join(work, "ref.sqlite")) as db:
        expected = {k: (c, r) for k, c, r in db.execute(
            "SELECT key, created_at, recipient FROM outbox WHERE created_at < ?", (cutoff,))}
        ref_instants = sorted({r[0] for r in db.execute("SELECT at FROM events")})
    with ro(os.path.join(work, "store", "okod.sqlite")) as db:
        store = {k: dict(id=i, created=c, status=s, attempts=n, sent_at=t) for k, i, c, s, n, t in db.execute(
            "SELECT key, id, created_at, status, attempts, sent_at FROM outbox")}

    mail_dir = os.path.join(work, "mail")
    received = [read_dump(os.path.join(mail_dir, f)) for f in sorted(os.listdir(mail_dir))]
    per_key = {}
    for m in received:
        per_key.setdefault(m["key"], []).append(m)
    for copies in per_key.values():
        copies.sort(key=lambda m: m["mtime_us"])

    missing = sorted(k for k in expected if k not in per_key)
    duplicates = {k: v for k, v in per_key.items() if k in expected and len(v) > 1}
    unexpected = {k: v for k, v in per_key.items() if k not in expected}
    bad_message_id = [m for m in received if m["key"] and
                      not m["message_id"].startswith(f"<okod.{fnv1a64(m['key'])}@")]
    misaddressed = [m for m in received if m["key"] in expected and
                    (m["rcpt"] != [expected[m["key"]][1]] or m["to"] != expected[m["key"]][1])]

    actions = read_actions(os.path.join(work, "events.tsv"))
    kills = [t for t, kind, _ in actions if kind == "kill"]
    kill_kinds = [d[0] for t, kind, d in actions if kind == "kill"]
    sink_stops = [t for t, kind, _ in actions if kind == "sink_stop"]
    sink_starts = [t for t, kind, _ in actions if kind == "sink_start"]
    readies = [t for t, kind, _ in actions if kind == "ready"]
    run_begin = next(t for t, kind, _ in actions if kind == "okod_start")
    stop = next((t for t, kind, _ in actions if kind == "sigterm"), actions[-1][0])
    done = next((t for t, kind, _ in actions if kind == "stopped"), stop)

    # A duplicate is explained when its first copy arrived before a kill -9 and the
    # second after it: okod had the server's 250 but died before committing "sent", and
    # sent it again on restart (same Message-ID). Or when smtp-sink was killed after it
    # had written the message but before okod read its 250 (the server's side of the
    # same window). Anything else is a bug.
    explained_kill, explained_sink, unexplained = [], [], []
    for k, copies in duplicates.items():
        for first, again in zip(copies, copies[1:]):
            if any(first["mtime_us"] <= t <= again["mtime_us"] and t - first["mtime_us"] < 2_000_000 for t in kills):
                explained_kill.append(k)
            elif any(first["mtime_us"] <= t <= again["mtime_us"] and t - first["mtime_us"] < 2_000_000 for t in sink_stops):
                explained_sink.append(k)
            else:
                unexplained.append(k)

    # Restarts whose downtime covered a moment at which the reference decided something:
    # there okod decided late, which the plan means to avoid (see the guard).
    downtime_hits = []
    ready_after_kill = [min((r for r in readies if r > k), default=None) for k in kills]
    downtimes = []
    for k, r in zip(kills, ready_after_kill):
        if r is None:
            continue
        downtimes.append((r - k) / 1e6)
        a_, b_ = virtual(k), virtual(r)
        hit = [i for i in ref_instants if a_ <= i <= b_]
        if hit:
            downtime_hits.append((k, hit))

    lags = sorted(store[k]["created"] - c for k, (c, _) in expected.items() if k in store)
    delays = sorted(virtual(per_key[k][0]["mtime_us"]) - c for k, (c, _) in expected.items() if k in per_key)
    decided_not_in_ref = sorted(k for k, v in store.items() if v["created"] < cutoff and k not in expected)
    ref_not_decided = sorted(k for k in expected if k not in store)
    status = {}
    for v in store.values():
        status[v["status"]] = status.get(v["status"], 0) + 1
    attempts = sum(v["attempts"] for v in store.values())
    failed_attempts = attempts - status.get("sent", 0)
    log_retries = log_sent = 0
    for name in sorted(os.listdir(work)):
        if name.startswith("okod-") and name.endswith(".log"):
            with open(os.path.join(work, name), errors="replace") as f:
                for line in f:
                    if " not sent (attempt " in line:
                        log_retries += 1
                    elif "] mail " in line and " sent to " in line:
                        log_sent += 1
    disk_fills = [d for t, kind, d in actions if kind == "disk_full"]
    log_unwritable = log_writable = 0
    for name in sorted(os.listdir(work)):
        if name.startswith("okod-") and name.endswith(".log"):
            with open(os.path.join(work, name), errors="replace") as f:
                for line in f:
                    log_unwritable += "the store cannot be written (" in line
                    log_writable += "the store is writable again" in line
    outage_list = [(a_, min((b for b in sink_starts if b > a_), default=a_)) for a_ in sink_stops]
    outage_secs = sum(b - a_ for a_, b in outage_list)
    wall = (done - run_begin) / 1e6
    received_distinct = sum(1 for k in expected if k in per_key)
    dups = sum(len(v) - 1 for v in duplicates.values())
    unexpected_copies = sum(len(v) for v in unexpected.values())

    seed = open(os.path.join(work, "seed")).read().strip()
    print()
    print(f"soak: seed {seed}, clock speed {speed:g}")
    print(f"  simulated span       {local(clock_start)} -> {local(virtual(stop))} "
          f"({(virtual(stop) - clock_start) / DAY / 365.25:.2f} years); expected = reference e-mails before {local(cutoff)}")
    print(f"  wall time            {wall:.0f} s of okod running (the whole script: see below)")
    print(f"  kill -9 + restart    {len(kills)} ({kill_kinds.count('mail')} right after an e-mail arrived, "
          f"{kill_kinds.count('mail-timeout')} waiting for one in vain, "
          f"{kill_kinds.count('random')} at random quiet moments, "
          f"{sum(1 for k in kills if any(b <= k <= e for b, e in outage_list))} of all during an outage); restart to ready: "
          + (f"median {statistics.median(downtimes):.2f} s, max {max(downtimes):.2f} s real "
             f"({days(max(downtimes) * speed)} simulated)" if downtimes else "-"))
    print(f"  okod starts          {len(readies)} (1 + {len(readies) - 1} restarts)")
    print(f"  full disks           {len(disk_fills)} as the SMTP server returned, each held "
          f"{'/'.join(sorted({d[0] for d in disk_fills if d})) or '-'} ms real; okod said 'the store cannot be "
          f"written' {log_unwritable} times and 'writable again' {log_writable} times")
    print(f"  SMTP outages         {len(sink_stops)}, {outage_secs / 1e6:.1f} s real in all "
          f"({days(outage_secs / 1e6 * speed)} simulated, longest "
          f"{days(max((b - a_) / 1e6 * speed for a_, b in outage_list)) if outage_list else '-'})")
    if virtual(stop) >= plan["stop_by"]:
        print(f"  WARNING: okod was stopped at {local(virtual(stop))}, after the next reference instant "
              f"{local(plan['stop_by'])}: what it decided then counts as unexpected")
    print(f"  e-mails expected     {len(expected)}")
    print(f"  received             {len(received)} messages, {received_distinct} distinct expected")
    print(f"  missing              {len(missing)}")
    print(f"  duplicate copies     {dups} ({len(explained_kill)} resent after a kill -9 between the server's 250 and okod's "
          f"commit, {len(explained_sink)} after smtp-sink was killed between writing a message and its 250, "
          f"{len(unexplained)} unexplained)")
    print(f"  unexpected           {unexpected_copies}")
    print(f"  wrong Message-ID     {len(bad_message_id)}; wrong recipient {len(misaddressed)}")
    print(f"  okod's outbox        " + ", ".join(f"{n} {s}" for s, n in sorted(status.items()))
          + f"; {attempts} attempts, {failed_attempts} failed and retried "
          f"({log_retries} 'not sent' lines in the logs, {log_sent} 'sent' lines)")
    print(f"  decisions vs reference  {len(ref_not_decided)} reference e-mails okod never decided on, "
          f"{len(decided_not_in_ref)} decided that the reference did not")
    if lags:
        print(f"  engine lag           median {lags[len(lags) // 2] / 60:.0f} min, max {lags[-1] / 3600:.1f} h "
              f"simulated behind the reference (processing time at {speed:g} x)")
    if delays:
        print(f"  delivery delay       median {delays[len(delays) // 2] / 60:.0f} min, max {days(delays[-1])} "
              f"simulated after the reference decided (outages, retries)")
    for k, hit in downtime_hits:
        print(f"  WARNING: the restart after the kill at {local(virtual(k))} was down over reference instant(s) "
              + ", ".join(local(i) for i in hit) + ": okod decided late there (see --guard)")
    for k in missing[:20]:
        c, r = expected[k]
        where = store.get(k)
        print(f"  missing {k} (decided {local(c)}, to {r}; okod's outbox: "
              + (f"{where['status']} after {where['attempts']} attempts" if where else "never decided") + ")")
    for k in unexplained[:20]:
        print(f"  duplicate {k}: " + ", ".join(m["file"] for m in duplicates[k]))
    for k, v in list(unexpected.items())[:20]:
        print(f"  unexpected {k or '(no X-Okod-Key)'}: {len(v)} cop{'y' if len(v) == 1 else 'ies'}, {v[0]['subject'][:60]}")
    for k in (ref_not_decided + decided_not_in_ref)[:20]:
        print(f"  decision difference: {k}")

    failed = bool(missing or unexplained or unexpected or bad_message_id or misaddressed
                  or status.get("pending") or status.get("dead"))
    if a.strict and dups:
        failed = True
    if len(explained_kill) > len(kills):
        failed = True
    print(f"  verdict              {'FAIL' if failed else 'PASS'}: every expected e-mail "
          f"{'NOT ' if failed else ''}exactly once"
          + (f" (apart from {dups} resent in flight at a kill, same Message-ID)" if dups and not failed else ""))
    return 1 if failed else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("times")
    t.add_argument("start")
    t.add_argument("years", type=int)
    pl = sub.add_parser("plan")
    pl.add_argument("--ref-store", required=True)
    pl.add_argument("--start", type=int, required=True)
    pl.add_argument("--end", type=int, required=True)
    pl.add_argument("--speed", type=int, required=True)
    pl.add_argument("--kills", type=int, required=True)
    pl.add_argument("--outages", type=int, required=True)
    pl.add_argument("--seed", type=int, required=True)
    pl.add_argument("--guard-seconds", type=float, required=True)
    pl.add_argument("--outage-hours", type=float, default=120)
    pl.add_argument("--long-outage-hours", type=float, default=72)
    pl.add_argument("--full-disks", type=int, default=0)
    an = sub.add_parser("anchor")
    an.add_argument("store")
    pe = sub.add_parser("pending")
    pe.add_argument("store")
    c = sub.add_parser("check")
    c.add_argument("work")
    c.add_argument("--strict", action="store_true")
    a = p.parse_args()
    return {"times": cmd_times, "plan": cmd_plan, "anchor": cmd_anchor, "pending": cmd_pending,
            "check": cmd_check}[a.cmd](a) or 0


if __name__ == "__main__":
    sys.exit(main())
