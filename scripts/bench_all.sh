#!/usr/bin/env bash
# Runs every bench/*_bench.ts on Deno and Bun from source and on Node from the npm build; each
# benchmark prints its table and writes its section of bench/README.md.
# Usage: scripts/bench_all.sh [area ...]   (area = file name without _bench.ts; default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
deno run -A build_npm.ts --no-test >/dev/null
if [ $# -gt 0 ]; then areas=("$@"); else mapfile -t areas < <(ls bench/*_bench.ts 2>/dev/null | xargs -n1 basename | sed 's/_bench\.ts$//'); fi
for area in "${areas[@]}"; do
  echo "== $area: deno";  deno run -A "bench/${area}_bench.ts"
  echo "== $area: bun";   bun "bench/${area}_bench.ts"
  echo "== $area: node";  node "npm/bench/${area}_bench.js"
done
