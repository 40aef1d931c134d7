#!/usr/bin/env bash
# Every test: build, lint, type-check, unit tests, .vsix packaging, and the
# extension-host suite in a real VS Code host (code-server + headless Chromium).
# The last line is the total, "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

results_dir=test-results
mkdir -p "$results_dir"
status=0
step() { printf '\n== %s\n' "$*"; }

step "build";       npm run -s build || status=1
step "lint";        npm run -s lint || status=1
step "type-check";  npm run -s typecheck || status=1
step "unit tests"
npm run -s compile-tests || status=1
npx mocha --config .mocharc.json 2>&1 | tee "$results_dir/unit.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
unit_passed=$(grep -Eo '^ +[0-9]+ passing' "$results_dir/unit.txt" | grep -Eo '[0-9]+' || echo 0)
unit_failed=$(grep -Eo '^ +[0-9]+ failing' "$results_dir/unit.txt" | grep -Eo '[0-9]+' || echo 0)

step "package .vsix"
npm run -s package || status=1
[ -f greenml-sagemaker.vsix ] && echo "vsix: $(stat -c %s greenml-sagemaker.vsix) bytes"

step "extension-host tests (code-server + headless Chromium)"
node scripts/run-host-tests.mjs ${GREENML_VSCODE_HOST:+--host "$GREENML_VSCODE_HOST"} --vsix greenml-sagemaker.vsix 2>&1 | tee "$results_dir/host.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
host_line=$(grep -E '^host: [0-9]+ passed, [0-9]+ failed' "$results_dir/host.txt" | tail -n 1)
host_passed=$(echo "$host_line" | sed -nE 's/^host: ([0-9]+) passed.*/\1/p'); host_passed=${host_passed:-0}
host_failed=$(echo "$host_line" | sed -nE 's/.* ([0-9]+) failed.*/\1/p'); host_failed=${host_failed:-0}
if [ -z "$host_line" ]; then echo "no host test summary: counted as a failure"; host_failed=$((host_failed + 1)); status=1; fi

step "JupyterLab (jupyterlab-lsp from PyPI + headless Chromium) through the language server"
bash scripts/install-jupyterlab.sh || status=1
node scripts/run-jupyterlab-test.mjs 2>&1 | tee "$results_dir/jupyterlab.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
jl_line=$(grep -E '^jupyterlab: [0-9]+ passed, [0-9]+ failed' "$results_dir/jupyterlab.txt" | tail -n 1)
jl_passed=$(echo "$jl_line" | sed -nE 's/^jupyterlab: ([0-9]+) passed.*/\1/p'); jl_passed=${jl_passed:-0}
jl_failed=$(echo "$jl_line" | sed -nE 's/.* ([0-9]+) failed.*/\1/p'); jl_failed=${jl_failed:-1}

echo
echo "unit: ${unit_passed} passed, ${unit_failed} failed"
echo "jupyterlab: ${jl_passed} passed, ${jl_failed} failed"
echo "host: ${host_passed} passed, ${host_failed} failed"
[ "$status" -eq 0 ] || [ $((unit_failed + host_failed + jl_failed)) -gt 0 ] || { echo "a build, lint, type-check or packaging step failed"; unit_failed=$((unit_failed + 1)); }
echo "tests: $((unit_passed + host_passed + jl_passed)) passed, $((unit_failed + host_failed + jl_failed)) failed"
exit "$status"
