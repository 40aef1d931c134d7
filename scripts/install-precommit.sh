#!/usr/bin/env bash
# Installs pre-commit from PyPI into a virtualenv for the pre-commit hook's test
# (test/precommit/precommit.sh). Cached: does nothing when the pinned version is there.
# Usage: bash scripts/install-precommit.sh [DIR]   (default ~/.cache/greenml-precommit)
set -euo pipefail
dir="${1:-${GREENML_PRECOMMIT:-$HOME/.cache/greenml-precommit}}"
version="4.7.0"
if [ -x "$dir/bin/pre-commit" ] && [ "$("$dir/bin/pre-commit" --version 2>/dev/null)" = "pre-commit $version" ]; then
  echo "install-precommit: pre-commit $version cached in $dir"
  exit 0
fi
python3 -m venv "$dir"
"$dir/bin/pip" install --quiet --disable-pip-version-check "pre-commit==$version"
echo "install-precommit: installed pre-commit $version into $dir"
