#!/usr/bin/env bash
# The code style CI enforces (.ci/run), to run before a commit as well:
#   1. every C++ file as clang-format formats it (.clang-format; Debian's clang-format),
#   2. the domain core free of includes from the outer layers (the build refuses them
#      too, see tests/layering/; this names the line at once),
#   3. clang-tidy on the domain core (.clang-tidy), every finding an error.
# Usage: scripts/check-style.sh [--format-only]
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' '*.h')
echo "clang-format: ${#sources[@]} files"
clang-format --dry-run --Werror "${sources[@]}"

echo "layering: the core includes nothing from adapters/ or daemon/"
if grep -rn '#include' workflows/ | grep -e 'adapters/' -e 'daemon/'; then
    echo "error: the domain core (workflows/) must not include the outer layers" >&2
    exit 1
fi

[[ "${1:-}" == "--format-only" ]] && exit 0

# A compilation database without precompiled headers: clang-tidy cannot read GCC's.
cmake -S . -B build/tidy -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOKOD_PRECOMPILE_HEADERS=OFF \
    -DOKOD_BUILD_TESTS=OFF -DOKOD_BUILD_BENCH=OFF >/dev/null
mapfile -t core < <(git ls-files 'workflows/*.cpp')
echo "clang-tidy: ${#core[@]} files of the domain core"
printf '%s\n' "${core[@]}" |
    xargs -P "$(nproc)" -n 1 clang-tidy -p build/tidy --quiet --warnings-as-errors='*' \
        --header-filter="$PWD/workflows/.*"
