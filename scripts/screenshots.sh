#!/usr/bin/env bash
# The screenshots of docs/handleiding-regisseur.md, made from the demo by the dashboard's
# browser test (tests/browser/dashboard.mjs) as it does each job: run after a release
# build (cmake --build --preset release), with the test dependencies installed
# (scripts/install-deps.sh --tests).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/screenshots
OKOD_SCREENSHOTS="$PWD/docs/screenshots" ctest --preset release -R DashboardBrowser --output-on-failure
ls -1 docs/screenshots
