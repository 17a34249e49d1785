#!/usr/bin/env bash
# Make sure Debian's headless Chromium is at /usr/bin/chromium for the browser tests.
# Installs the `chromium` package when it is missing and we are root; otherwise says what to do.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "ensure-chromium: /usr/bin/chromium is missing; install Debian's chromium package" \
         "(apt-get install chromium) to run the browser tests" >&2
    exit 0
fi
echo "ensure-chromium: installing Debian's chromium package" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
test -x /usr/bin/chromium
