#!/usr/bin/env bash
# Telethon (pinned) in the Irenogram venv of 20-python.sh: a third-party judge of the TestServer
# and the reader of the session strings the session tool writes. Sourced by .ci/run (functions and
# `return`, never `exit`); quick when it is there.

telethon_install() {
  local root py want=1.45.0
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  py="${IRENOGRAM_PYTHON:-$root/.cache/venv-irenogram/bin/python}"
  [ -x "$py" ] || { echo "telethon: no venv (20-python.sh failed)"; return 1; }
  [ "$("$py" -c 'import importlib.metadata as m; print(m.version("telethon"))' 2>/dev/null)" = "$want" ] && return 0
  "$py" -m pip install -q --disable-pip-version-check "telethon==$want"
}

telethon_install || echo "telethon: not installed"
true
