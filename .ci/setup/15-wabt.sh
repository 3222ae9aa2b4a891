# wabt's wat2wasm: tl/utf8_wasm.wat is compiled by tl/build_utf8_wasm.sh, and CI checks that the
# committed bytes (tl/utf8_wasm.ts) are what the .wat compiles to. Sourced by .ci/run as root.
if ! command -v wat2wasm >/dev/null 2>&1; then
  { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wabt >/dev/null; } ||
    { echo "15-wabt: apt-get install wabt failed"; return 1 2>/dev/null || exit 1; }
fi
wat2wasm --version
