#!/usr/bin/env bash
# The documentation checks of .ci/run: every JSDoc example of the hand-written library modules
# (and every TypeScript block of README.md, which tests/readme_test.ts runs) type-checks
# (deno check --doc-only), the JSDoc examples run (deno test --doc), and `deno doc --lint` finds
# nothing to say about the hand-written code behind the public entries (generated tl/gen/ is
# documented by its schema). Usage: bash scripts/check_docs.sh [check|run|lint] (default: all).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

# Library modules written by hand: not tests, helpers of tests, benchmarks, tools, programs
# (cli.ts runs the session tool when imported; its modules in cli/ are checked) or generated code
# (`deno test --doc` evaluates each module: none may act on import).
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.ts' | grep -vE \
  '(_test\.ts$|^tests/|^bench/|/test_support/|^tl/gen/|^scripts/|^examples/|^cli\.ts$|^build_npm\.ts$|^demo\.ts$|^tl/generate\.ts$|^tl/tl_parser\.ts$|^core-rs/|^npm/)' | sort)
# The entries of deno.json's "exports".
entries=(mod.ts core/mod.ts errors/mod.ts testing/mod.ts cli.ts)

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
  # One line per finding: the error, its place, and for private-type-ref the line number and text
  # of the referenced declaration. deno doc does not count the types reached only through the
  # namespace re-export `export type * as Api` (the generated TL types, public as `Api.X`) as
  # public, so a reference to a declaration that is that very line of tl/gen/types.ts is not a
  # finding; any other private type still is.
  found=$(deno doc --lint "${entries[@]}" 2>&1 | sed -r 's/\x1b\[[0-9;]*m//g' | awk '
    /^error\[/ { if (h != "") print h "\t" at "\t" ref; h = $0; at = ""; ref = ""; prev = ""; next }
    /^ +-->/ && at == "" { at = $0 }
    /- this is the referenced type/ { ref = prev }
    { prev = $0 }
    END { if (h != "") print h "\t" at "\t" ref }' | sed -E "s#$PWD/##" | grep -v -- '--> *tl/gen/' |
    while IFS=$'\t' read -r error at ref; do
      if [[ $error == *private-type-ref* && $ref =~ ^\ *([0-9]+)\ \|\ (.*)$ ]] &&
        [ "$(sed -n "${BASH_REMATCH[1]}p" tl/gen/types.ts)" = "${BASH_REMATCH[2]}" ]; then
        continue
      fi
      printf '%s\t%s\n' "$error" "$at"
    done | sort -u)
  if [ -n "$found" ]; then
    echo "$found"
    echo "$(wc -l <<<"$found") doc lint findings"
    status=1
  fi
fi
exit $status
