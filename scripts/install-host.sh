#!/usr/bin/env bash
# Installs an offline VS Code extension host for the integration tests:
# code-server (VS Code server + web workbench, from npm) plus Debian's chromium.
# Usage: bash scripts/install-host.sh [HOST_DIR]   (default ~/.cache/greenml-vscode-host)
# docs/host-tests.md says why each step exists. Writes only under HOST_DIR (and apt's own
# folders for the system packages).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
HOST_DIR="${1:-$HOME/.cache/greenml-vscode-host}"
MARKER="$HOST_DIR/.installed-$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium libkrb5-dev ripgrep neovim)

# node-pty's post-install runs `npx node-gyp`, which must not stop to ask.
export npm_config_yes=true
# node-gyp must build against the local Node headers instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ]; then
  npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
  export npm_config_nodedir
fi
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

now() { date +%s.%N; }
T_ALL=$(now)
T_STEP=$T_ALL
step_done() {
  local t
  t=$(now)
  awk -v a="$T_STEP" -v b="$t" -v name="$1" 'BEGIN { printf "install-host: %-34s %6.1f s\n", name, b - a }'
  T_STEP=$t
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}
can_be_root() { [ "$(id -u)" = 0 ] || { command -v sudo > /dev/null && sudo -n true 2> /dev/null; }; }

# --- 1. system packages -----------------------------------------------------
# Checked even when the host is cached: a CI cache may bring back $HOST_DIR onto
# a fresh machine that lacks chromium.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! can_be_root; then
    echo "install-host: the VS Code host needs the Debian packages ${missing[*]}, and installing them needs root. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]} && bash scripts/install-host.sh${1:+ $1}" >&2
    exit 1
  fi
  echo "install-host: apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  step_done "apt-get install ${missing[*]}"
else
  step_done "apt packages present"
fi

if [ -f "$MARKER" ]; then
  echo "install-host: code-server $CODE_SERVER_VERSION already installed in $HOST_DIR"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  echo "install-host: code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)" >&2
  exit 1
fi

# --- 2. code-server itself, without its postinstall (it downloads from GitHub) --
mkdir -p "$HOST_DIR"
HOST_DIR="$(cd "$HOST_DIR" && pwd)"
# npm's cache, node-gyp's builds and every temporary file stay under HOST_DIR.
export npm_config_cache="$HOST_DIR/.npm-cache" TMPDIR="$HOST_DIR/.tmp" npm_config_devdir="$HOST_DIR/.node-gyp"
mkdir -p "$TMPDIR"
trap 'rm -rf "$HOST_DIR/.tmp"' EXIT
# A previous run that stopped half-way leaves no marker; start from scratch.
rm -rf "$HOST_DIR/node_modules" "$HOST_DIR/package-lock.json" "$HOST_DIR"/.installed-*
# Our own package.json keeps npm from walking up to an enclosing project.
echo '{ "private": true }' > "$HOST_DIR/package.json"
npm install --prefix "$HOST_DIR" --no-save --ignore-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION"
step_done "npm install code-server"

# argon2's prebuilt download fails offline; node-pre-gyp then builds from source.
(cd "$HOST_DIR" && npm rebuild argon2)
step_done "npm rebuild argon2"

CS="$HOST_DIR/node_modules/code-server"
VSC="$CS/lib/vscode"

# --- 3. what postinstall.sh would do, in lib/vscode -------------------------
cd "$VSC"
npm install --omit=dev --ignore-scripts
step_done "npm install lib/vscode"

# @vscode/ripgrep's postinstall downloads rg from GitHub and skips the download
# when bin/ already exists, so Debian's rg goes there first.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
step_done "copy rg"

npm rebuild
step_done "npm rebuild lib/vscode (native)"

rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -rf code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -rf browser.sh && ln -s browser-linux.sh browser.sh)

(cd extensions && npm install --omit=dev)
step_done "npm install lib/vscode/extensions"

# --- 4. check that the native modules were really built ----------------------
# npm 11 warns about install scripts "not covered by allowScripts"; make sure
# they ran anyway: the node-gyp builds exist and every module loads.
HOST_DIR="$HOST_DIR" VSC="$VSC" node - <<'EOF_NODE'
const fs = require('fs');
const path = require('path');
const built = {
  argon2: 'lib/binding/napi-v3/argon2.node',
  '@vscode/spdlog': 'build/Release/spdlog.node',
  'node-pty': 'build/Release/pty.node',
  kerberos: 'build/Release/kerberos.node',
  'native-watchdog': 'build/Release/watchdog.node',
  '@parcel/watcher': null, // ships prebuilt binaries as optional dependencies
  '@vscode/deviceid': null,
};
let bad = 0;
for (const [name, binary] of Object.entries(built)) {
  const base = name === 'argon2' ? path.join(process.env.HOST_DIR, 'node_modules') : path.join(process.env.VSC, 'node_modules');
  const dir = path.join(base, name);
  try {
    if (binary && !fs.existsSync(path.join(dir, binary))) throw new Error(`${binary} missing`);
    require(dir);
  } catch (err) {
    console.error(`install-host: native module ${name} is not usable: ${err.message.split('\n')[0]}`);
    bad++;
  }
}
process.exit(bad ? 1 : 0);
EOF_NODE
step_done "check native modules"

node "$CS/out/node/entry.js" --version
touch "$MARKER"
T_STEP=$T_ALL
step_done "total"
echo "install-host: code-server $CODE_SERVER_VERSION ready in $HOST_DIR"
