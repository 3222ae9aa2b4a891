#!/usr/bin/env bash
# Compiles tl/utf8_wasm.wat (hand-written: the UTF-8 decoder the TL reader uses on Node and Deno,
# where it beats the runtime's own; see tl/utf8_test.ts and bench/tl_bench.ts) into the
# base64 constant of tl/utf8_wasm.ts. With --check: fails when the committed bytes differ.
set -euo pipefail
cd "$(dirname "$0")"
fresh=$(wat2wasm utf8_wasm.wat --output=- | base64 -w0)
committed=$(sed -rn 's/^  "([A-Za-z0-9+\/=]+)";$/\1/p' utf8_wasm.ts)
if [ "${1:-}" = "--check" ]; then
  [ "$fresh" = "$committed" ] && { echo "tl/utf8_wasm.ts equals a fresh build of utf8_wasm.wat"; exit 0; }
  echo "tl/utf8_wasm.ts is stale: run bash tl/build_utf8_wasm.sh"; exit 1
fi
python3 - "$fresh" <<'PY'
import re, sys
path = "utf8_wasm.ts"
text = open(path).read()
text = re.sub(r'^  "[A-Za-z0-9+/=]+";$', '  "' + sys.argv[1] + '";', text, count=1, flags=re.M)
open(path, "w").write(text)
PY
echo "wrote tl/utf8_wasm.ts"
