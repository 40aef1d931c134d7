#!/usr/bin/env bash
# Installs JupyterLab and jupyterlab-lsp from PyPI into a virtualenv for the JupyterLab test
# (scripts/run-jupyterlab-test.mjs). Cached: does nothing when the pinned versions are there.
# Usage: bash scripts/install-jupyterlab.sh [DIR]   (default ~/.cache/greenml-jupyter)
set -euo pipefail
dir="${1:-${GREENML_JUPYTER:-$HOME/.cache/greenml-jupyter}}"
packages=("jupyterlab==4.4.10" "jupyterlab-lsp==5.3.0" "jupyter-lsp==2.3.1")
if [ -x "$dir/bin/jupyter" ] && "$dir/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(0 if (m.version("jupyterlab"), m.version("jupyterlab-lsp")) == ("4.4.10", "5.3.0") else 1)' 2>/dev/null; then
  echo "install-jupyterlab: cached in $dir"
  exit 0
fi
python3 -m venv "$dir"
"$dir/bin/pip" install --quiet --disable-pip-version-check "${packages[@]}"
echo "install-jupyterlab: installed ${packages[*]} into $dir"
