#!/usr/bin/env bash
# Services the tests need, sourced by scripts/test_all.sh (functions and `return`, never `exit`).
# Idempotent: a service already running is left as it is.
#
# MongoDB: unless MONGODB_URL is already set, starts FerretDB (built by
# .ci/setup/30-ferretdb.sh) on loopback with its SQLite backend and data under
# .cache/ferretdb/, waits until it accepts connections, and exports MONGODB_URL.
#
# What this file starts (not what it found running) is listed in SERVICES_STARTED (pids);
# `services_stop` ends those. scripts/test_all.sh calls it when the tests end unless
# KEEP_SERVICES=1; by hand: kill "$(cat .cache/ferretdb/pid)".

SERVICES_STARTED=${SERVICES_STARTED:-}

# Ends the services this shell started (see SERVICES_STARTED), waiting up to 5 s for each.
services_stop() {
  local pid i
  for pid in $SERVICES_STARTED; do
    kill "$pid" 2>/dev/null || continue
    for ((i = 0; i < 25; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    echo "services: stopped pid $pid"
  done
  SERVICES_STARTED=""
}

services_ferretdb() {
  local root dir bin pid port cmdline
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  dir="$root/.cache/ferretdb"
  bin="$root/.cache/bin/ferretdb"
  if [ -n "${MONGODB_URL:-}" ]; then
    echo "services: MongoDB tests use MONGODB_URL from the environment"
    return 0
  fi
  mkdir -p "$dir/data"
  pid=$(cat "$dir/pid" 2>/dev/null)
  port=$(cat "$dir/port" 2>/dev/null)
  # No pipe into grep -q: under pipefail its early exit would fail the check with SIGPIPE.
  cmdline=$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null)
  if [ -n "$pid" ] && [ -n "$port" ] && [[ $cmdline == *ferretdb*"--listen-addr=127.0.0.1:$port"* ]]; then
    if services_wait_port "$port" 1; then
      export MONGODB_URL="mongodb://127.0.0.1:$port/"
      echo "services: FerretDB already running (pid $pid) at $MONGODB_URL"
      return 0
    fi
  fi
  if [ ! -x "$bin" ]; then
    # shellcheck source=/dev/null
    source "$root/.ci/setup/30-ferretdb.sh" || true
  fi
  if [ ! -x "$bin" ]; then
    echo "services: no FerretDB binary (needs Go); the MongoDB tests will skip"
    return 0
  fi
  # The first free port from 27017 up (another work tree may hold one).
  local free=""
  for port in $(seq 27017 27040); do
    services_wait_port "$port" 0 || { free=$port; break; }
  done
  if [ -z "$free" ]; then
    echo "services: no free port in 27017-27040 for FerretDB; the MongoDB tests will not find it"
    return 0
  fi
  port=$free
  setsid nohup "$bin" --handler=sqlite --sqlite-url="file:$dir/data/" \
    --listen-addr="127.0.0.1:$port" --debug-addr=- --telemetry=disable --state-dir="$dir" \
    --log-level=error >"$dir/log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  echo "$port" >"$dir/port"
  SERVICES_STARTED="$SERVICES_STARTED $!"
  # Our own server must be the one answering, not something else that took the port.
  if services_wait_port "$port" 30 && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
    export MONGODB_URL="mongodb://127.0.0.1:$port/"
    echo "services: FerretDB started (pid $(cat "$dir/pid")) at $MONGODB_URL"
  else
    echo "services: FerretDB did not start; see $dir/log"
    tail -5 "$dir/log"
  fi
  return 0
}

# services_wait_port PORT SECONDS: succeeds once 127.0.0.1:PORT accepts a connection.
services_wait_port() {
  local i
  for ((i = 0; i <= $2 * 5; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    [ "$2" -eq 0 ] && return 1
    sleep 0.2
  done
  return 1
}

services_ferretdb
