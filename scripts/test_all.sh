#!/usr/bin/env bash
# The whole test suite: every *_test.ts under Deno and Bun from source, then under Node on the
# npm build. Sets up what the tests need and is missing (npm packages; the Python venv with
# Irenogram, Telethon and pymongo for the interop tests, through .ci/setup/2*.sh), starts the
# services (scripts/services.sh) and stops the ones it started when it ends, unless
# KEEP_SERVICES=1. Ends with one line "N passed, N failed" summed over the three runtimes;
# exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
[ -x node_modules/.bin/deno ] || npm ci --no-audit --no-fund
if [ -z "${IRENOGRAM_PYTHON:-}" ]; then
  # Quick when the venv is there; a machine without PyPI skips the interop tests.
  for step in .ci/setup/20-python.sh .ci/setup/22-telethon.sh; do
    # shellcheck source=/dev/null
    [ -f "$step" ] && { source "$step" || echo "test_all: $step failed; its tests will skip"; }
  done
fi
# shellcheck source=/dev/null
[ -f scripts/services.sh ] && source scripts/services.sh
if [ "${KEEP_SERVICES:-0}" != 1 ]; then
  trap 'declare -F services_stop >/dev/null && services_stop' EXIT
fi

logs=.cache/test-logs
mkdir -p "$logs"
total_pass=0 total_fail=0

count() { # runtime exit-code pass fail
  local pass=${3:-0} fail=${4:-0}
  if [ "$2" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; echo "$1: runner exited with $2 and reported no failure; counted as 1 failed"; fi
  echo "== $1: $pass passed, $fail failed"
  total_pass=$((total_pass + pass)) total_fail=$((total_fail + fail))
}
strip() { sed -r 's/\x1b\[[0-9;]*m//g' "$1"; }

echo "== deno test"
deno test -A --no-check=remote 2>&1 | tee "$logs/deno.log"; rc=${PIPESTATUS[0]}
line=$(strip "$logs/deno.log" | grep -E '^(ok|FAILED) \|' | tail -1)
count deno "$rc" "$(sed -rn 's/.* ([0-9]+) passed.*/\1/p' <<<"$line")" "$(sed -rn 's/.* ([0-9]+) failed.*/\1/p' <<<"$line")"

echo "== bun test"
mapfile -t files < <(find . -name '*_test.ts' -not -path './node_modules/*' -not -path './npm/*' -not -path './core-rs/*' | sort)
bun test --timeout 600000 "${files[@]}" 2>&1 | tee "$logs/bun.log"; rc=${PIPESTATUS[0]}
count bun "$rc" "$(strip "$logs/bun.log" | sed -rn 's/^ *([0-9]+) pass$/\1/p' | tail -1)" "$(strip "$logs/bun.log" | sed -rn 's/^ *([0-9]+) fail$/\1/p' | tail -1)"

echo "== node --test (npm build)"
deno run -A build_npm.ts 2>&1 | tee "$logs/node.log"; rc=${PIPESTATUS[0]}
count node "$rc" "$(sed -rn 's/^# pass ([0-9]+)$/\1/p' "$logs/node.log" | tail -1)" "$(sed -rn 's/^# fail ([0-9]+)$/\1/p' "$logs/node.log" | tail -1)"

# Stop the services before the summary, so that the summary stays the last line (.ci/run reads it).
if [ "${KEEP_SERVICES:-0}" != 1 ] && declare -F services_stop >/dev/null; then
  services_stop
  trap - EXIT
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
