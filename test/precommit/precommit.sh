#!/usr/bin/env bash
# The pre-commit hook as a user gets it: the real pre-commit from PyPI (scripts/install-precommit.sh)
# runs `pre-commit try-repo` on this repository's .pre-commit-hooks.yaml in a throw-away git
# repository, which installs the hook the way pre-commit's `language: node` does (`npm install -g
# git+file://…` into a fresh environment) and runs it on the staged files: a training script with
# findings fails the hook, clean files pass it. Everything it writes goes to one temp folder (also
# pre-commit's and npm's TMPDIR), removed at the end.
# Prints "ok - …" / "not ok - …" per check, each try-repo's wall time, and
# "precommit: N passed, M failed" last.
#   bash test/precommit/precommit.sh
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/greenml-precommit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
label=precommit
# shellcheck source=test/package/checks.sh
source "$repo/test/package/checks.sh"

venv="${GREENML_PRECOMMIT:-$HOME/.cache/greenml-precommit}"
bash "$repo/scripts/install-precommit.sh" "$venv" || { echo "not ok - install pre-commit from PyPI"; failed=$((failed + 1)); finish; }
precommit="$venv/bin/pre-commit"

mkdir -p "$work/tmp" "$work/home-pre-commit"
export TMPDIR="$work/tmp" PRE_COMMIT_HOME="$work/home-pre-commit" npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export GIT_AUTHOR_NAME=greenml-test GIT_AUTHOR_EMAIL=greenml-test@example.com GIT_COMMITTER_NAME=greenml-test GIT_COMMITTER_EMAIL=greenml-test@example.com

project="$work/project"
mkdir -p "$project"
git -C "$project" init -q
cd "$project" || finish

# try_repo LOG: runs the hook of this repository on the project's staged files; prints its wall time.
try_repo() {
  local started code
  started=$(date +%s)
  "$precommit" try-repo --color never "$repo" greenml > "$1" 2>&1
  code=$?
  echo "# try-repo: $(( $(date +%s) - started )) s (exit $code)"
  return "$code"
}

# A staged training script with findings: the hook fails and names the file, the lines and the rules.
cp "$repo/examples/training/train_churn.py" train.py
git add train.py
try_repo "$work/fail.log"; code=$?
check "try-repo on a staged script with findings exits 1" test "$code" -eq 1
check "the hook is reported Failed with greenml's exit code 1" bash -c 'grep -Eq "^Green ML .*\.+Failed$" "$1" && grep -q "^- exit code: 1$" "$1"' _ "$work/fail.log"
check "the hook prints the findings of the staged file (SML203 on-demand training, SML205 spot without max_wait)" \
  bash -c 'grep -Eq "^train\.py:[0-9]+:[0-9]+  SML203  warning" "$1" && grep -Eq "^train\.py:[0-9]+:[0-9]+  SML205  error" "$1" && grep -Eq "^Found [0-9]+ problems" "$1"' _ "$work/fail.log"
check "no stack trace or Node warning in the hook's output" bash -c '! grep -Eq "^\s+at |internal error|\(node:[0-9]+\)|Warning:" "$1"' _ "$work/fail.log"
[ "$code" -eq 1 ] || sed 's/^/# /' "$work/fail.log"

# Clean staged files: a training script with spot capacity, max_wait and checkpoints, a workflow
# YAML and a package.json (matched by the hook's file pattern, but not formats greenml lints).
git rm -q --cached train.py && rm train.py
cat > train.py <<'PY'
from sagemaker.pytorch import PyTorch

estimator = PyTorch(
    entry_point="train.py",
    role="arn:aws:iam::123456789012:role/SageMakerRole",
    instance_type="ml.m5.xlarge",
    instance_count=1,
    framework_version="2.3",
    py_version="py311",
    use_spot_instances=True,
    max_run=3600,
    max_wait=7200,
    checkpoint_s3_uri="s3://example-bucket/checkpoints/",
)
estimator.fit({"train": "s3://example-bucket/train/"})
PY
mkdir -p .github/workflows
printf 'name: ci\non: push\njobs: {}\n' > .github/workflows/ci.yml
printf '{ "name": "project", "version": "1.0.0" }\n' > package.json
git add train.py .github/workflows/ci.yml package.json
try_repo "$work/pass.log"; code=$?
check "try-repo on clean staged files exits 0" test "$code" -eq 0
check "the hook is reported Passed" bash -c 'grep -Eq "^Green ML .*\.+Passed$" "$1"' _ "$work/pass.log"
[ "$code" -eq 0 ] || sed 's/^/# /' "$work/pass.log"

check "pre-commit and npm left nothing in their TMPDIR" bash -c '[ -z "$(ls -A "$1")" ]' _ "$work/tmp"
finish
