#!/usr/bin/env bash
# Installs an official Node.js build from the npm registry (the package node-linux-<arch>, which
# carries the node binary) for testing the CLI on the Node versions it supports besides the
# machine's own. Cached: does nothing when that version is there. Prints the folder to put first
# on PATH (it holds `node` only; npm stays the machine's).
# Usage: bash scripts/install-node.sh MAJOR   (22 or 24; into ~/.cache/greenml-node/MAJOR)
set -euo pipefail
major="${1:?usage: install-node.sh 22|24}"
case "$major" in
  22) version=22.23.5 ;;
  24) version=24.22.3 ;;
  *) echo "install-node: no pinned version for Node $major (22 or 24)" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "install-node: no Node build for $(uname -m) in the npm registry's node-linux-* packages" >&2; exit 2 ;;
esac
dir="${GREENML_NODE_CACHE:-$HOME/.cache/greenml-node}/$major"
bin="$dir/node_modules/.bin"
if [ -x "$bin/node" ] && [ "$("$bin/node" --version 2>/dev/null)" = "v$version" ]; then
  echo "$bin"
  exit 0
fi
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "node-linux-$arch@$version" >&2
[ "$("$bin/node" --version)" = "v$version" ] || { echo "install-node: $bin/node is not v$version" >&2; exit 1; }
echo "install-node: Node v$version in $bin" >&2
echo "$bin"
