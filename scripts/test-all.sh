#!/usr/bin/env bash
# Every test: build, lint, type-check, unit tests (with Neovim driving the language server and
# moto emulating AWS), .vsix packaging, the CLI's npm package (on the machine's Node, 22 and 24),
# the GitHub Action, the pre-commit hook, the extension-host suite in a real VS Code host
# (code-server + headless Chromium), and JupyterLab with jupyterlab-lsp. Each step is named when
# it fails. The last line is the total, "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

# npm's "new version available" notice is not part of any test's output.
export npm_config_update_notifier=false
results_dir=test-results
mkdir -p "$results_dir"
status=0
failed_steps=()
total_passed=0
total_failed=0
summary=()
step() { printf '\n== %s\n' "$*"; current_step="$*"; }
fail_step() { status=1; failed_steps+=("$current_step"); }

# count NAME FILE: adds the "NAME: N passed, M failed" line of FILE to the totals; a missing line counts as one failure.
count() {
  local name="$1" file="$2" line p f
  line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed" "$file" | tail -n 1)
  if [ -z "$line" ]; then
    echo "no '$name:' summary line: counted as a failure"
    p=0; f=1
  else
    p=$(echo "$line" | sed -nE 's/^[^:]+: ([0-9]+) passed.*/\1/p')
    f=$(echo "$line" | sed -nE 's/.* ([0-9]+) failed.*/\1/p')
  fi
  total_passed=$((total_passed + p)); total_failed=$((total_failed + f))
  summary+=("$name: $p passed, $f failed")
}

step "build";       npm run -s bundle || fail_step
step "lint";        npm run -s lint || fail_step
step "type-check";  npm run -s typecheck || fail_step
host_dir="${GREENML_VSCODE_HOST:-$HOME/.cache/greenml-vscode-host}"
# First, as the unit tests' Neovim test needs Debian's neovim, which it installs with chromium.
step "VS Code host, chromium and neovim (installed into $host_dir when missing)"
host_ready=1
bash scripts/install-host.sh "$host_dir" || { fail_step; host_ready=0; }

# The AWS tests (unit and host) run moto's server: the machine's python3 when it has moto 5.2.1,
# else a virtualenv that scripts/install-moto.sh makes once in ~/.cache/greenml-moto, named by
# GREENML_MOTO_BIN (test/kit/moto.ts; PATH would not do: VS Code gives its extension host the
# login shell's PATH).
step "moto 5.2.1 (AWS emulator of the AWS and explorer tests; from PyPI when python3 lacks it)"
if moto_bin="$(bash scripts/install-moto.sh)"; then
  [ -z "$moto_bin" ] || export GREENML_MOTO_BIN="$moto_bin"
else
  fail_step
fi

step "unit tests"
npm run -s compile-tests || fail_step
npx mocha --config .mocharc.json 2>&1 | tee "$results_dir/unit.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || fail_step
passing=$(grep -Eo '^ +[0-9]+ passing' "$results_dir/unit.txt" | grep -Eo '[0-9]+' || echo 0)
failing=$(grep -Eo '^ +[0-9]+ failing' "$results_dir/unit.txt" | grep -Eo '[0-9]+' || echo 0)
echo "unit: ${passing:-0} passed, ${failing:-0} failed" >> "$results_dir/unit.txt"
count unit "$results_dir/unit.txt"

step "package .vsix"
npm run -s package || fail_step
[ -f greenml-sagemaker.vsix ] && echo "vsix: $(stat -c %s greenml-sagemaker.vsix) bytes"

step "CLI npm package (npm pack, install into an empty prefix, run from outside the repository)"
bash test/package/cli-package.sh --no-build 2>&1 | tee "$results_dir/cli-package.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || fail_step
count cli-package "$results_dir/cli-package.txt"

for major in 22 24; do
  step "CLI npm package on Node $major (Node from the npm registry, cached in ~/.cache/greenml-node)"
  if node_bin="$(bash scripts/install-node.sh "$major")"; then
    bash test/package/cli-package.sh --no-build --node-bin "$node_bin" 2>&1 | tee "$results_dir/cli-package-node$major.txt"
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail_step
  else
    fail_step
    echo "cli-package-node$major: 0 passed, 1 failed" > "$results_dir/cli-package-node$major.txt"
  fi
  count "cli-package-node$major" "$results_dir/cli-package-node$major.txt"
done

step "GitHub Action (action.yml's steps run locally with fake GITHUB_* files)"
action_pack="$(mktemp -d "${TMPDIR:-/tmp}/greenml-action-pack.XXXXXX")"
if tarball="$(node scripts/pack-cli.mjs --no-build --out "$action_pack")"; then
  node test/action/action-test.mjs --cli "$tarball" 2>&1 | tee "$results_dir/action.txt"
  [ "${PIPESTATUS[0]}" -eq 0 ] || fail_step
else
  fail_step
fi
rm -rf "$action_pack"
count action "$results_dir/action.txt"

step "pre-commit hook (the real pre-commit from PyPI: try-repo in a throw-away git repository)"
bash test/precommit/precommit.sh 2>&1 | tee "$results_dir/precommit.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || fail_step
count precommit "$results_dir/precommit.txt"


if [ "$host_ready" = 1 ]; then
  step "extension-host tests (code-server + headless Chromium)"
  # VS Code's own temporary files (IPC sockets, the TypeScript server's folder) go to a folder of the run.
  host_tmp="$(mktemp -d "${TMPDIR:-/tmp}/greenml-host-run.XXXXXX")"
  TMPDIR="$host_tmp" node scripts/run-host-tests.mjs --host "$host_dir" --vsix greenml-sagemaker.vsix 2>&1 | tee "$results_dir/host.txt"
  [ "${PIPESTATUS[0]}" -eq 0 ] || fail_step
  rm -rf "$host_tmp"
else
  echo "host: 0 passed, 1 failed" > "$results_dir/host.txt"
fi
count host "$results_dir/host.txt"

step "JupyterLab (jupyterlab-lsp from PyPI + headless Chromium) through the language server"
if bash scripts/install-jupyterlab.sh; then
  node scripts/run-jupyterlab-test.mjs 2>&1 | tee "$results_dir/jupyterlab.txt"
  [ "${PIPESTATUS[0]}" -eq 0 ] || fail_step
else
  fail_step
  echo "jupyterlab: 0 passed, 1 failed" > "$results_dir/jupyterlab.txt"
fi
count jupyterlab "$results_dir/jupyterlab.txt"

echo
printf '%s\n' "${summary[@]}"
if [ "${#failed_steps[@]}" -gt 0 ]; then
  echo "failed steps: $(IFS=';'; echo "${failed_steps[*]}" | sed 's/;/; /g')"
  # A step that failed without a failing test (build, lint, packaging) still fails the total.
  [ "$total_failed" -gt 0 ] || total_failed=1
fi
echo "tests: ${total_passed} passed, ${total_failed} failed"
exit "$status"
