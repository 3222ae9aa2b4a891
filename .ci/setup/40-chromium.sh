# Debian's chromium for the browser smoke test (tests/browser_test.ts: the main entry bundled by
# esbuild and run in headless Chromium through playwright-core). Sourced by .ci/run as root.
if ! command -v chromium >/dev/null 2>&1; then
  { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null; } ||
    { echo "40-chromium: apt-get install chromium failed"; return 1 2>/dev/null || exit 1; }
fi
chromium --version
