# Debian's rustc 1.63 + cargo + the wasm32 std: the toolchain of core-rs (see core-rs/README.md).
# Sourced by .ci/run as root; idempotent and quick when everything is installed.
if [ ! -x /usr/bin/rustc ] || [ ! -x /usr/bin/cargo ] || [ ! -d /usr/lib/rustlib/wasm32-unknown-unknown ]; then
  apt-get update -q >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q rustc cargo libstd-rust-dev-wasm32 >/dev/null ||
    { echo "10-rust-wasm: apt-get install rustc cargo libstd-rust-dev-wasm32 failed"; return 1 2>/dev/null || exit 1; }
fi
/usr/bin/rustc --version
