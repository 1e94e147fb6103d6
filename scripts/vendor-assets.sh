#!/usr/bin/env bash
# Refresh the web workspace's front-end assets from npm into the package, so pages work offline.
# Versions are pinned in src/yalu/web/static/vendor/package.json; edit there, then run this script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/src/yalu/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$vendor/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent)
nm="$work/node_modules"
copy() { mkdir -p "$vendor/$1" && cp "${@:2}" "$vendor/$1/"; }
copy leaflet "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE"
mkdir -p "$vendor/leaflet/images" && cp "$nm"/leaflet/dist/images/* "$vendor/leaflet/images/"
copy chart.js "$nm/chart.js/dist/chart.umd.min.js" "$nm/chart.js/LICENSE.md"
copy world-atlas "$nm/world-atlas/countries-50m.json" "$nm/world-atlas/LICENSE"
copy topojson-client "$nm/topojson-client/dist/topojson-client.min.js" "$nm/topojson-client/LICENSE"
copy htmx "$nm/htmx.org/dist/htmx.min.js" "$nm/htmx.org/LICENSE"
echo "vendored into $vendor"
