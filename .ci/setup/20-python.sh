#!/usr/bin/env bash
# Python for the session-file interop tests: python3 with its sqlite3 module (the tests write
# Pyrogram-family files with it and read ours back), and the real Irenogram package (pinned) in
# a private virtual environment, whose SQLite storage the tests drive both ways. Exports
# IRENOGRAM_PYTHON. Quick when everything is there. Sourced by .ci/run (functions and `return`,
# never `exit`); without PyPI the Irenogram tests are skipped, so a failure there only warns.

irenogram_python() {
  local root venv want=2.3.90
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  venv="$root/.cache/venv-irenogram"
  if ! python3 -c 'import sqlite3' >/dev/null 2>&1; then
    echo "python: installing Debian's python3"
    apt-get install -y -qq python3 python3-venv >/dev/null 2>&1 ||
      { apt-get update -qq && apt-get install -y -qq python3 python3-venv >/dev/null; } || return 1
  fi
  if [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("irenogram"))' 2>/dev/null)" != "$want" ]; then
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
      apt-get install -y -qq python3-venv >/dev/null 2>&1 ||
        { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null 2>&1; } || return 1
      rm -rf "$venv" && python3 -m venv "$venv" || return 1
    fi
    "$venv/bin/pip" install -q --disable-pip-version-check "irenogram==$want" || return 1
  fi
  export IRENOGRAM_PYTHON="$venv/bin/python"
}

irenogram_python || echo "python: no Irenogram package for the interop tests (they will be skipped)"
true
