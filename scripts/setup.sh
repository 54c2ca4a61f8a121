#!/usr/bin/env bash
# Fetches the third-party assets rapor embeds but does not commit: ECharts (Apache-2.0) for the
# offline HTML reports, from the npm registry at a pinned version. Safe to run again: it does
# nothing when the asset is there and matches the pinned checksum.
set -euo pipefail
cd "$(dirname "$0")/.."

ECHARTS_VERSION=5.6.0
# SHA-256 of package/dist/echarts.min.js in echarts-5.6.0.tgz: a changed file is refused.
ECHARTS_SHA256=bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1
dest=reports/assets/echarts.min.js

sum() { sha256sum "$1" | cut -d' ' -f1; }
if [ -f "$dest" ] && [ "$(sum "$dest")" = "$ECHARTS_SHA256" ]; then
  exit 0
fi
mkdir -p "$(dirname "$dest")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: npm is needed once to fetch ECharts $ECHARTS_VERSION (apt-get install npm)" >&2
  exit 1
fi
( cd "$tmp" && npm pack --silent "echarts@$ECHARTS_VERSION" >/dev/null )
tar -xzf "$tmp"/echarts-"$ECHARTS_VERSION".tgz -C "$tmp" package/dist/echarts.min.js
if [ "$(sum "$tmp"/package/dist/echarts.min.js)" != "$ECHARTS_SHA256" ]; then
  echo "setup: echarts.min.js from echarts@$ECHARTS_VERSION does not have the pinned checksum; refusing it" >&2
  exit 1
fi
cp "$tmp"/package/dist/echarts.min.js "$dest"
echo "setup: fetched ECharts $ECHARTS_VERSION into $dest" >&2
