#!/usr/bin/env bash
# Installs okod's build dependencies from Debian 12 packages (with Node.js's npm, which
# vendors the dashboard's NL Design System CSS at configure time); with --tests also what
# the tests run against: postfix (its smtp-sink test SMTP server), systemd
# (systemd-analyze), python3-icalendar (parses the iCalendar feeds), chromium (the
# dashboard test, and printing the yearly report to PDF, checked with poppler-utils) and
# Node.js with playwright-core from npm (the dashboard's browser test) and
# @apidevtools/swagger-parser (validates the OpenAPI document), both pinned in
# tests/browser/package-lock.json, and oidc-provider (a real OpenID provider for the
# sign-in tests, tests/oidc/package-lock.json). Boost comes as the 1.81 packages only: they
# conflict with the default 1.74 libboost-dev.
#
#   scripts/install-deps.sh           build dependencies
#   scripts/install-deps.sh --tests   build and test dependencies
#   scripts/install-deps.sh --style   build dependencies and Debian's clang-format and
#                                     clang-tidy (scripts/check-style.sh)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
packages=(
    build-essential cmake ninja-build pkg-config git
    libboost1.81-dev libboost-json1.81-dev
    libsqlite3-dev sqlite3
    libspdlog-dev libfmt-dev
    libgtest-dev libgmock-dev
    libtomlplusplus-dev
    libhowardhinnant-date-dev libabsl-dev tzdata
    libcli11-dev
    libcurl4-openssl-dev
    libssl-dev
    libcjose-dev libjansson-dev
    libsystemd-dev
    libbenchmark-dev
)
# npm vendors the dashboard's NL Design System CSS at configure time (cmake/web_vendor.cmake);
# take Debian's Node.js only when none is there (the browser tests need Node.js 20 or later).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then packages+=(nodejs npm); fi
if [ "${1:-}" = "--tests" ]; then
    packages+=(postfix systemd python3-icalendar chromium poppler-utils)
    # Only postfix's smtp-sink is used. "No configuration" keeps the package from
    # setting up (and starting) a mail server on this machine.
    echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
elif [ "${1:-}" = "--style" ]; then
    packages+=(clang-format clang-tidy)
elif [ -n "${1:-}" ]; then
    echo "usage: $0 [--tests|--style]" >&2
    exit 2
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if [ "${1:-}" = "--tests" ]; then
    # The browser test's driver and the OpenAPI validator, exactly as locked (seconds).
    (cd "$(dirname "$0")/../tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
    # The OpenID provider the sign-in tests run against (oidc-provider).
    (cd "$(dirname "$0")/../tests/oidc" && npm ci --no-audit --no-fund --loglevel=error)
fi
