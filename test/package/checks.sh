# Shared by the shell tests (test/package/cli-package.sh, test/precommit/precommit.sh); sourced.
# `check NAME COMMAND...` prints "ok - NAME" when COMMAND exits 0, else "not ok - NAME";
# `finish` prints "$label: N passed, M failed" (the line npm test counts) and exits 1 on a failure.
passed=0
failed=0
check() {
  local name="$1"; shift
  if "$@"; then echo "ok - $name"; passed=$((passed + 1)); else echo "not ok - $name"; failed=$((failed + 1)); fi
}
finish() { echo "$label: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
