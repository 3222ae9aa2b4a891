#!/usr/bin/env bash
# FerretDB 1.x (MongoDB wire protocol over SQLite) for the MongoDB storage tests: no MongoDB
# server ships in the registries we can reach, FerretDB builds from the Go module proxy.
# Builds .cache/bin/ferretdb once; quick when it is there. Also adds pymongo to the Irenogram venv. Sourced by .ci/run (so: functions and
# `return`, never `exit`); `bash .ci/setup/30-ferretdb.sh` works too. scripts/services.sh starts it.

ferretdb_version=v1.24.2

# Whether binary $1 reports $ferretdb_version. No pipe from the binary: under `pipefail` (as in
# .ci/run) a reader that stops early would fail the check with SIGPIPE.
ferretdb_is_current() {
  local out
  out=$("$1" --version 2>/dev/null) || return 1
  grep -qx "version: $ferretdb_version" <<<"$out"
}

ferretdb_build() {
  local root bin cached src
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  bin="$root/.cache/bin/ferretdb"
  # A copy outside the work tree lets fresh clones on the same machine skip the build.
  cached="${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/irenogram/ferretdb-$ferretdb_version"
  if [ -x "$bin" ] && ferretdb_is_current "$bin"; then
    return 0
  fi
  mkdir -p "$root/.cache/bin"
  if [ -x "$cached" ] && ferretdb_is_current "$cached"; then
    cp "$cached" "$bin" && return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    [ -x /usr/local/go/bin/go ] && export PATH="$PATH:/usr/local/go/bin"
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "ferretdb: Go is needed to build FerretDB; installing Debian's golang-go"
    apt-get install -y -qq golang-go >/dev/null 2>&1 ||
      { apt-get update -qq && apt-get install -y -qq golang-go >/dev/null; } || return 1
  fi
  echo "ferretdb: building FerretDB $ferretdb_version from the Go module proxy (a few minutes, once)"
  src=$(GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$ferretdb_version" |
    sed -rn 's/^\s*"Dir": "(.*)",?$/\1/p') || return 1
  [ -n "$src" ] && [ -d "$src" ] || { echo "ferretdb: module download failed"; return 1; }
  rm -rf "$root/.cache/ferretdb-src"
  cp -r "$src" "$root/.cache/ferretdb-src" && chmod -R u+w "$root/.cache/ferretdb-src" || return 1
  # The module zip lacks the version file that `git describe` writes in FerretDB's own build.
  echo "$ferretdb_version" >"$root/.cache/ferretdb-src/build/version/version.txt"
  (cd "$root/.cache/ferretdb-src" &&
    go build -trimpath -tags ferretdb_no_postgresql -o "$bin.tmp" ./cmd/ferretdb) || return 1
  mv "$bin.tmp" "$bin"
  rm -rf "$root/.cache/ferretdb-src"
  mkdir -p "$(dirname "$cached")" && cp "$bin" "$cached" 2>/dev/null
  ferretdb_is_current "$bin" && echo "ferretdb: built $ferretdb_version"
}

# pymongo in the Irenogram venv of 20-python.sh: the tests drive Irenogram's own MongoStorage
# against the same database. Without it those tests are skipped, so a failure only warns.
ferretdb_pymongo() {
  local root py
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  py="${IRENOGRAM_PYTHON:-$root/.cache/venv-irenogram/bin/python}"
  [ -x "$py" ] || return 0
  "$py" -c 'import pymongo' >/dev/null 2>&1 && return 0
  "$py" -m pip install -q --disable-pip-version-check pymongo==4.20.0 ||
    echo "ferretdb: could not install pymongo; the Irenogram MongoDB interop tests will skip"
  return 0
}

ferretdb_build && ferretdb_pymongo
