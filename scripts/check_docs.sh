#!/usr/bin/env bash
# The documentation checks of .ci/run: every JSDoc example of the hand-written library modules
# (and every TypeScript block of README.md, which tests/readme_test.ts runs) type-checks
# (deno check --doc-only), the JSDoc examples run (deno test --doc), and `deno doc --lint` finds
# nothing to say about the hand-written code behind the public entries (generated tl/gen/ is
# documented by its schema). Usage: bash scripts/check_docs.sh [check|run|lint] (default: all).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

# Library modules written by hand: not tests, helpers of tests, benchmarks, tools, example
# programs or generated code (`deno test --doc` evaluates each module: none may act on import).
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.ts' | grep -vE \
  '(_test\.ts$|^tests/|^bench/|/test_support/|^tl/gen/|^scripts/|^examples/|^cli(\.ts$|/)|^build_npm\.ts$|^demo\.ts$|^tl/generate\.ts$|^tl/tl_parser\.ts$|^core-rs/|^npm/)' | sort)
entries=(mod.ts core/mod.ts errors/mod.ts testing/mod.ts)
# A regex of paths left out of all three checks while their documentation is being brought up to
# them; every entry is a debt. Today: the MTProto session, the client and the TestServer, whose
# examples and JSDoc arrived after these checks (57 lint findings, a dozen examples that neither
# type-check nor run on their own). DOC_PENDING= in the environment checks everything.
pending=${DOC_PENDING-'^(mtproto|client|testing/server)/|^runtime/(tcp|websocket)\.ts$'}
if [ -n "$pending" ]; then
  mapfile -t files < <(printf '%s\n' "${files[@]}" | grep -vE -- "$pending")
  echo "check_docs: leaving out modules matching $pending"
fi

mkdir -p .cache
status=0
what=${1:-all}
if [ "$what" = all ] || [ "$what" = check ]; then
  echo "== deno check --doc-only (${#files[@]} modules and README.md)"
  deno check --doc-only "${files[@]}" README.md || status=1
fi
if [ "$what" = all ] || [ "$what" = run ]; then
  # MongoStorage's example talks to a MongoDB on localhost:27017: the FerretDB the tests use
  # (started here, as .ci/run checks the docs before `npm test` starts it; stopped again after).
  # shellcheck source=/dev/null
  source scripts/services.sh
  echo "== deno test --doc (${#files[@]} modules)"
  deno test -A --doc --no-check=remote "${files[@]}" >.cache/doc-test.log 2>&1 ||
    { status=1; tail -40 .cache/doc-test.log; }
  sed -r 's/\x1b\[[0-9;]*m//g' .cache/doc-test.log | grep -E '^(ok|FAILED) \|'
  [ "${KEEP_SERVICES:-0}" = 1 ] || services_stop
fi
if [ "$what" = all ] || [ "$what" = lint ]; then
  echo "== deno doc --lint ${entries[*]} (hand-written code)"
  found=$(deno doc --lint "${entries[@]}" 2>&1 | sed -r 's/\x1b\[[0-9;]*m//g' |
    grep -E '^error\[|^ +-->' | paste - - | sed -E "s#$PWD/##" | grep -v 'tl/gen/' |
    while IFS= read -r finding; do
      path=$(sed -E 's/.*--> +//; s/:[0-9]+:[0-9]+$//' <<<"$finding")
      if [ -z "$pending" ] || ! grep -qE -- "$pending" <<<"$path"; then echo "$finding"; fi
    done | sort -u)
  if [ -n "$found" ]; then
    echo "$found"
    echo "$(wc -l <<<"$found") doc lint findings"
    status=1
  fi
fi
exit $status
