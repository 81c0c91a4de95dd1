#!/usr/bin/env python3
"""What AUTOINCREMENT costs an insert, counted in instructions (BENCHMARKS.md, decade).

    for v in autoincrement plain; do for n in 1000 21000; do
        valgrind --tool=callgrind --callgrind-out-file=/dev/null \
            /usr/bin/python3 bench/autoincrement_cost.py $v $n 2>&1 | grep Collected
    done; done

Inserts N rows shaped like okod's timers (one transaction) into a table with or without
AUTOINCREMENT, through Python's sqlite3 on the system's SQLite. The difference of the
two counts over the 20,000 extra rows is the cost per insert; Python's own share is
the same in both.
"""
import os
import sqlite3
import sys
import tempfile

variant, count = sys.argv[1], int(sys.argv[2])
if variant not in ("autoincrement", "plain"):
    sys.exit("usage: autoincrement_cost.py autoincrement|plain ROWS")
with tempfile.TemporaryDirectory() as work:
    db = sqlite3.connect(os.path.join(work, "t.sqlite"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    extra = "AUTOINCREMENT" if variant == "autoincrement" else ""
    db.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY {extra}, due INTEGER, kind TEXT, m TEXT, key TEXT)")
    db.execute("BEGIN")
    for n in range(count):
        db.execute("INSERT INTO t(due, kind, m, key) VALUES (?, ?, ?, ?)", (n * 7 % 100000, "reminder", "GM0935", "k"))
    db.execute("COMMIT")
    db.close()
