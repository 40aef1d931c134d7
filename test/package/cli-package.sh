#!/usr/bin/env bash
# The CLI as a user gets it from npm: `npm pack` the package (scripts/pack-cli.mjs), install the
# tarball into an empty prefix with an empty npm cache and --offline (it has no dependencies, so
# nothing is fetched), and run the installed `greenml` from a folder outside the repository.
# Prints "ok - …" / "not ok - …" per check and "cli-package: N passed, M failed" last.
#   bash test/package/cli-package.sh [--no-build] [--node-bin DIR]
# --node-bin runs it all (npm pack, npm install, the CLI) on the `node` in DIR (scripts/install-node.sh
# installs Node 22 and 24), and the last line is "cli-package-nodeMAJOR: …".
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
label=cli-package
pack_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --node-bin) export PATH="$2:$PATH"; label="cli-package-node$("$2/node" -p 'process.versions.node.split(".")[0]')"; shift 2 ;;
    *) pack_args+=("$1"); shift ;;
  esac
done
work="$(mktemp -d "${TMPDIR:-/tmp}/greenml-cli-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# shellcheck source=test/package/checks.sh
source "$repo/test/package/checks.sh"

echo "# node $(node --version) ($(command -v node)), npm $(npm --version)"
tarball="$(node "$repo/scripts/pack-cli.mjs" --out "$work/pack" "${pack_args[@]}")" || { echo "not ok - npm pack"; failed=$((failed + 1)); finish; }
check "npm pack writes greenml-<version>.tgz" test -f "$tarball"
contents="$(tar tzf "$tarball" | sort | tr '\n' ' ')"
check "the tarball holds the CLI, its WebAssembly, licences and README, and no source map" \
  bash -c '[[ "$1" == *"package/dist/cli.js "* && "$1" == *"package/dist/tree-sitter-python.wasm "* && "$1" == *"package/LICENSE "* && "$1" == *"package/THIRD_PARTY_NOTICES.md "* && "$1" == *"package/README.md "* && "$1" != *".map "* && "$1" != *"src/"* ]]' _ "$contents"

prefix="$work/prefix"
check "npm install -g --offline into an empty prefix with an empty cache" \
  npm install -g --prefix "$prefix" --cache "$work/npm-cache" --offline --no-audit --no-fund --loglevel=error "$tarball"
greenml="$prefix/bin/greenml"
check "the install put a greenml command on the prefix's bin" test -x "$greenml"
check "the command runs on the node of PATH, $(node --version)" bash -c '[ "$(head -n 1 "$(readlink -f "$1")")" = "#!/usr/bin/env node" ]' _ "$greenml"
check "the installed package has no node_modules (nothing was fetched)" bash -c '! [ -d "$1/lib/node_modules/greenml/node_modules" ]' _ "$prefix"

# A user's project outside the repository: a copy of the examples.
project="$work/project"
mkdir -p "$project"
cp -R "$repo/examples" "$project/examples"
cd "$project" || finish
version="$(node -p "require('$repo/package.json').version")"
check "greenml --version prints $version" bash -c '[ "$("$1" --version)" = "$2" ]' _ "$greenml" "$version"

"$greenml" lint examples > "$work/lint.txt" 2> "$work/lint.err"; code=$?
check "greenml lint examples exits 1 (findings at warning)" test "$code" -eq 1
check "greenml lint prints findings of several formats" bash -c 'grep -q "^examples/.*\.yaml:[0-9]*:[0-9]*  SML" "$1" && grep -q "^examples/.*\.py:[0-9]*:[0-9]*  SML" "$1" && grep -q "^examples/.*\.tf:[0-9]*:[0-9]*  SML" "$1"' _ "$work/lint.txt"
check "greenml lint ends with its summary" bash -c 'grep -Eq "^Found [0-9]+ problems" "$1" && tail -n 3 "$1" | grep -Eq "fixable"' _ "$work/lint.txt"
check "greenml lint writes nothing to stderr" test ! -s "$work/lint.err"

"$greenml" lint examples --format sarif --output "$work/out.sarif" --fail-on none; code=$?
check "greenml lint --format sarif --output writes SARIF 2.1.0" bash -c '[ "$2" -eq 0 ] && node -e "const l=JSON.parse(require(\"fs\").readFileSync(process.argv[1], \"utf8\")); if (l.version !== \"2.1.0\" || !l.runs[0].results.length) process.exit(1)" "$1"' _ "$work/out.sarif" "$code"

"$greenml" report examples > "$work/report.md" 2> "$work/report.err"; code=$?
check "greenml report examples exits 0 with the footprint tables" bash -c '[ "$2" -eq 0 ] && grep -q "kgCO2e" "$1" && grep -q "\\$" "$1"' _ "$work/report.md" "$code"
check "greenml report writes nothing to stderr" test ! -s "$work/report.err"

"$greenml" lint --bogus > /dev/null 2> "$work/bogus.err"; code=$?
check "a bad flag is one line and exit 2" bash -c '[ "$2" -eq 2 ] && [ "$(head -n 1 "$1")" = "greenml: unknown option --bogus" ] && [ "$(wc -l < "$1")" -eq 2 ]' _ "$work/bogus.err" "$code"

# estimate --live loads the AWS SDK, which warns on Node < 22; users must not see that notice.
# The endpoint is a closed loopback port, so the call fails at once and the bundled price is used.
HOME="$work/home" AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=example AWS_ENDPOINT_URL=http://127.0.0.1:9 \
  "$greenml" estimate ml.m5.xlarge --live > "$work/live.txt" 2> "$work/live.err"; code=$?
check "estimate --live falls back to the bundled price" bash -c '[ "$2" -eq 0 ] && grep -q "no live price" "$1"' _ "$work/live.err" "$code"
check "no Node warning (AWS SDK NodeVersionSupportWarning) reaches the user" bash -c '! grep -Eq "NodeVersionSupportWarning|\(node:[0-9]+\)|Warning:" "$1"' _ "$work/live.err"
check "estimate --live leaves the user's home but for its price cache" bash -c '[ -z "$(find "$1" -type f ! -path "*/.cache/greenml/*" 2>/dev/null)" ]' _ "$work/home"

finish
