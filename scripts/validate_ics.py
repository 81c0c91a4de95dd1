#!/usr/bin/python3
"""Checks an iCalendar file (RFC 5545) the way a calendar app would read it, with an
independent parser: the icalendar library from Debian (python3-icalendar), times
converted with zoneinfo. Run it with /usr/bin/python3, which has that package.

    /usr/bin/python3 scripts/validate_ics.py feed.ics [-o summary.json]

Checks the raw text (CRLF line ends, no physical line over 75 octets, every physical
line valid UTF-8 on its own, so no fold splits a character), that the parser reads it,
that the calendar has VERSION 2.0 and a PRODID, that every VEVENT has UID, DTSTAMP (in
UTC), DTSTART and SUMMARY, that the UIDs are unique, that every TZID names a VTIMEZONE
of the file, and that every VALARM has ACTION, DESCRIPTION and TRIGGER.

Prints a JSON summary (or writes it to -o): the calendar's name and, per event, uid,
summary, status, dtstart (ISO 8601 with the Europe/Amsterdam offset, or a date for an
all-day event), dtstamp, and its alarms with the trigger in UTC and in Amsterdam local
time. Exits 1 when a check fails (the problems are listed in the summary too).
"""
import argparse
import json
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def raw_problems(raw):
    problems = []
    if not raw.endswith(b"\r\n"):
        problems.append("the file does not end in CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare LF or CR")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not valid UTF-8 on its own (a fold splits a character?)")
    return problems


def date_time(prop, timezones):
    """The value of a DTSTART/DTSTAMP/TRIGGER as an aware datetime (or a date), read
    from the property's own text and TZID with zoneinfo."""
    text = prop.to_ical().decode()
    if prop.params.get("VALUE") == "DATE" or len(text) == 8:
        return datetime.strptime(text, "%Y%m%d").date()
    if text.endswith("Z"):
        return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    tzid = prop.params.get("TZID")
    if tzid is None:
        raise ValueError(f"floating time {text} (no TZID, no Z)")
    if tzid not in timezones:
        raise ValueError(f"TZID {tzid} has no VTIMEZONE in the file")
    return datetime.strptime(text, "%Y%m%dT%H%M%S").replace(tzinfo=ZoneInfo(tzid))


def iso(value):
    if isinstance(value, datetime):
        return value.astimezone(AMSTERDAM).isoformat()
    return value.isoformat()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("-o", "--output", help="write the JSON summary here instead of stdout")
    args = parser.parse_args()

    with open(args.file, "rb") as f:
        raw = f.read()
    problems = raw_problems(raw)
    summary = {"name": None, "prodid": None, "events": [], "problems": problems}
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # the parser's own complaint is the finding
        problems.append(f"icalendar cannot parse the file: {e}")
        return finish(summary, args.output)

    if str(calendar.get("VERSION", "")) != "2.0":
        problems.append("VERSION is not 2.0")
    if not calendar.get("PRODID"):
        problems.append("no PRODID")
    summary["prodid"] = str(calendar.get("PRODID", ""))
    summary["name"] = str(calendar.get("X-WR-CALNAME", "")) or None
    timezones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}

    uids = set()
    for event in calendar.walk("VEVENT"):
        missing = [name for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY") if name not in event]
        uid = str(event.get("UID", ""))
        if missing:
            problems.append(f"event {uid or '?'}: no {', '.join(missing)}")
            continue
        if uid in uids:
            problems.append(f"UID {uid} appears twice")
        uids.add(uid)
        entry = {"uid": uid, "summary": str(event["SUMMARY"]), "status": str(event.get("STATUS", "")),
                 "description": str(event.get("DESCRIPTION", "")), "alarms": [],
                 "sequence": int(event.get("SEQUENCE", 0))}
        try:
            event.decoded("DTSTART")  # the library itself must read it too
            start = date_time(event["DTSTART"], timezones)
            stamp = date_time(event["DTSTAMP"], timezones)
            if not isinstance(stamp, datetime) or stamp.utcoffset() != timedelta(0) \
                    or not event["DTSTAMP"].to_ical().endswith(b"Z"):
                problems.append(f"event {uid}: DTSTAMP is not in UTC")
            entry["dtstart"] = iso(start)
            entry["all_day"] = not isinstance(start, datetime)
            entry["dtstamp"] = stamp.astimezone(timezone.utc).isoformat()
        except Exception as e:
            problems.append(f"event {uid}: {e}")
        for alarm in event.walk("VALARM"):
            missing = [name for name in ("ACTION", "TRIGGER", "DESCRIPTION") if name not in alarm]
            if missing:
                problems.append(f"event {uid}: an alarm has no {', '.join(missing)}")
                continue
            try:
                trigger = date_time(alarm["TRIGGER"], timezones)
                entry["alarms"].append({"action": str(alarm["ACTION"]), "description": str(alarm["DESCRIPTION"]),
                                        "trigger_utc": trigger.astimezone(timezone.utc).isoformat(),
                                        "trigger_local": iso(trigger)})
            except Exception as e:
                problems.append(f"event {uid}: alarm trigger: {e}")
        summary["events"].append(entry)
    return finish(summary, args.output)


def finish(summary, output):
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    if output:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        print(text)
    return 1 if summary["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
