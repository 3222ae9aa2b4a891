#!/usr/bin/env bash
# Pyrogram (the original, pinned) in a private virtual environment, so that the session-string
# tests can check Pyrogram's own reader against encodeSessionString. Exports
# SESSION_STRINGS_PYTHON. Quick when the environment is there. Sourced by .ci/run (functions and
# `return`, never `exit`); without Python or PyPI the test is skipped and the committed
# fixtures still cover the layout, so a failure here only warns.

session_strings_python() {
  local root venv want=2.0.106
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  venv="$root/.cache/venv-session-strings"
  if [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pyrogram"))' 2>/dev/null)" != "$want" ]; then
    command -v python3 >/dev/null 2>&1 || { echo "session strings: no python3"; return 1; }
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
      apt-get install -y -qq python3-venv >/dev/null 2>&1 ||
        { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null 2>&1; } || return 1
      rm -rf "$venv" && python3 -m venv "$venv" || return 1
    fi
    "$venv/bin/pip" install -q --disable-pip-version-check "pyrogram==$want" || return 1
  fi
  export SESSION_STRINGS_PYTHON="$venv/bin/python"
}

session_strings_python || echo "session strings: no Pyrogram for the Python differential test (it will be skipped)"
true
