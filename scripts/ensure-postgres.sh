#!/usr/bin/env bash
# Make sure PostgreSQL server binaries are installed (Debian package), so the test suite can
# start a throwaway server on loopback. Does nothing when they are already there, or when
# PLOTWATCH_TEST_PG names a server to use instead.
set -euo pipefail
if [ -n "${PLOTWATCH_TEST_PG:-}" ]; then exit 0; fi
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
if command -v initdb >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "PostgreSQL server binaries are missing; install the 'postgresql' package (needs root)." >&2
  exit 1
fi
echo "installing PostgreSQL (Debian package 'postgresql') for the test suite…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
