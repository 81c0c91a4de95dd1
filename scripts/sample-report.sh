#!/usr/bin/env bash
# Makes the sample yearly report in docs/jaarrapportage/ from the demo: Maastricht run
# on the virtual clock from January 2022 to November 2026 with every task done on time
# (okod simulate --complete-on-time), the example survey trends and execution plan
# imported, then the real okod serving it on 2 November 2026 and okoctl fetching it as
# Markdown and as PDF (printed by chromium); the PDF's pages as PNG via pdftoppm.
#
#   scripts/sample-report.sh            # after building (build/release)
# BIN names another build directory. Needs chromium and poppler-utils.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$repo/build/release}
out=$repo/docs/jaarrapportage
work=$(mktemp -d)
okod_pid=
cleanup() { [ -n "$okod_pid" ] && kill "$okod_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

port=18479
cat >"$work/okod.toml" <<TOML
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
directory = "$work/mail"
from = "oko-regie@gemeente.example"
TOML

"$bin/okod" simulate --config "$work/okod.toml" --from 2022-01-01 --to 2026-11-01 --municipality GM0935 \
    --store "$work/okod.sqlite" --complete-on-time >/dev/null
"$bin/okoctl" import survey "$repo/config/examples/survey-maastricht-trends.csv" --config "$work/okod.toml" >/dev/null
OKOCTL="$bin/okoctl" "$repo/config/examples/execution-plan-maastricht.sh" --config "$work/okod.toml" \
    --at 2026-11-02T09:00:00+01:00

"$bin/okod" run --config "$work/okod.toml" --clock 2026-11-02T09:00:00+01:00 --clock-speed 1 >"$work/okod.log" 2>&1 &
okod_pid=$!
for _ in $(seq 1 100); do grep -q "ready: " "$work/okod.log" && break; sleep 0.1; done
grep -q "ready: " "$work/okod.log" || { cat "$work/okod.log"; exit 1; }

export OKOD_URL=http://127.0.0.1:$port
OKOD_TOKEN=$("$bin/okoctl" tokens create --role council --municipality GM0935 --label sample --config "$work/okod.toml")
export OKOD_TOKEN
rm -f "$out"/pagina-*.png
"$bin/okoctl" report annual --municipality GM0935 --year 2026 --format md -o "$out/maastricht-2026.md"
"$bin/okoctl" report annual --municipality GM0935 --year 2026 --format pdf -o "$out/maastricht-2026.pdf"
pdftoppm -png -r 60 "$out/maastricht-2026.pdf" "$out/pagina"
ls "$out"
