#!/usr/bin/env bash
# Install the web app's front-end libraries from the npm registry (exact versions from
# plotwatch/web/frontend/package-lock.json, `npm ci`) and copy the files the pages load into
# plotwatch/web/static/vendor/ (gitignored). No CDN is used at run time: the app works offline.
# Without node/npm the app still runs; its pages say that charts and maps are unavailable.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
frontend="$here/plotwatch/web/frontend"
vendor="$here/plotwatch/web/static/vendor"

if ! command -v npm >/dev/null 2>&1; then
    echo "build-frontend: npm not found; the web app will run without charts, map and network" >&2
    exit 0
fi
cd "$frontend"
npm ci --no-audit --no-fund --loglevel=error
rm -rf "$vendor.tmp"
mkdir -p "$vendor.tmp"
cp node_modules/d3/dist/d3.min.js "$vendor.tmp/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$vendor.tmp/"
cp node_modules/world-atlas/countries-110m.json "$vendor.tmp/"
for pkg in d3 topojson-client world-atlas; do
    cp "node_modules/$pkg/LICENSE" "$vendor.tmp/LICENSE.$pkg" 2>/dev/null || true
done
rm -rf "$vendor"
mv "$vendor.tmp" "$vendor"
echo "build-frontend: vendor files in $vendor" >&2
