#!/usr/bin/env bash
# Installs okod's build and test dependencies from Debian 12 packages.
# Boost comes as the 1.81 packages only: they conflict with the default 1.74 libboost-dev.
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
    libhowardhinnant-date-dev tzdata
    libcli11-dev
    libcurl4-openssl-dev
    libsystemd-dev
    libbenchmark-dev
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
