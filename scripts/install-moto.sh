#!/usr/bin/env bash
# Makes moto's server (the AWS emulator of test/aws and the host tests' explorer) available to the
# tests: when `python3` already imports moto 5.2.1 and `moto_server` is on PATH, prints nothing;
# otherwise installs moto[server]==5.2.1 from PyPI into a virtualenv (cached: done once) and prints
# its bin folder, to put first on PATH for the tests.
# Usage: bash scripts/install-moto.sh [DIR]   (default ~/.cache/greenml-moto)
set -euo pipefail
dir="${1:-${GREENML_MOTO:-$HOME/.cache/greenml-moto}}"
version="5.2.1"
has_moto() { "$1" -c "import importlib.metadata as m, moto.server, sys; sys.exit(0 if m.version('moto') == '$version' else 1)" 2>/dev/null; }
if has_moto python3 && command -v moto_server > /dev/null; then
  exit 0
fi
if ! { [ -x "$dir/bin/moto_server" ] && has_moto "$dir/bin/python3"; }; then
  python3 -m venv "$dir"
  "$dir/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$version"
  echo "install-moto: installed moto[server] $version into $dir" >&2
fi
echo "$dir/bin"
