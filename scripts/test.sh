#!/usr/bin/env bash
# The project's test command (CI runs it through .ci/run on a fresh checkout,
# as root, with no services running).
#
#   scripts/test.sh                                         # everything
#   scripts/test.sh --filter "FullyQualifiedName~Graphql"   # extra args go to dotnet test
#
# It installs missing Debian packages, starts a throwaway PostgreSQL on
# 127.0.0.1:55432 (stopped again on exit), installs the GraphQL audit tool's
# npm packages, runs `dotnet test Kanban.slnx`, prints one closing line
# "Tests: N passed, N failed, N skipped", and exits with dotnet test's code.
#
# Environment: TEST_VERBOSITY (console logger verbosity, default minimal),
# KANBAN_PG_PORT (default 55432).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$(pwd)"
# shellcheck source=scripts/services.sh
source "$REPO_ROOT/scripts/services.sh"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck disable=SC2317  # called through the EXIT trap
cleanup() {
  local status=$?
  stop_postgres || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

svc_log "checking Debian packages"
ensure_packages

start_postgres   # exports KANBAN_TEST_POSTGRES (127.0.0.1:55432, database postgres)

# GraphQL-over-HTTP audit tool (graphql-http), run with node by the C# tests.
AUDIT_DIR="$REPO_ROOT/tests/graphql-audit"
AUDIT_STAMP="$AUDIT_DIR/node_modules/.npm-ci.stamp"
if [[ ! -f "$AUDIT_STAMP" || "$AUDIT_DIR/package-lock.json" -nt "$AUDIT_STAMP" ||
      "$AUDIT_DIR/package.json" -nt "$AUDIT_STAMP" ]]; then
  svc_log "npm ci in tests/graphql-audit"
  (cd "$AUDIT_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$AUDIT_STAMP"
else
  svc_log "tests/graphql-audit/node_modules is up to date"
fi
export KANBAN_GRAPHQL_AUDIT="$AUDIT_DIR/audit.mjs"

RESULTS_DIR="$REPO_ROOT/.test-services/test-results"
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
export KANBAN_SCREENSHOTS="$RESULTS_DIR/screenshots"   # the browser tests save what they saw here

svc_log "dotnet test Kanban.slnx $*"
started="$(_svc_now)"
set +e
dotnet test Kanban.slnx \
  --logger "console;verbosity=${TEST_VERBOSITY:-minimal}" \
  --logger "trx" \
  --results-directory "$RESULTS_DIR" \
  "$@"
rc=$?
set -e
svc_log "dotnet test finished in $(_svc_since "$started") s with exit code $rc"

# The web client's unit tests (Vitest). The dotnet build above normally ran `npm ci` in web/.
svc_log "vitest in web/"
set +e
[[ -d "$REPO_ROOT/web/node_modules" ]] || (cd "$REPO_ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$REPO_ROOT/web" && npx --no-install vitest run --reporter=default --reporter=json \
  --outputFile.json="$RESULTS_DIR/vitest.json")
web_rc=$?
set -e
((rc == 0)) && rc=$web_rc

# The benchmark at a tiny size: proves the tool works; no figure is judged here.
svc_log "bench/ci.sh (every scenario at a tiny size)"
set +e
"$REPO_ROOT/bench/ci.sh"
bench_rc=$?
set -e
((rc == 0)) && rc=$bench_rc

# One closing line that any reader of the log understands, summed over the
# test projects' TRX files (skipped tests are "notExecuted" there).
trx_count() {  # trx_count ATTRIBUTE COUNTERS-ELEMENT
  local v
  v="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"
  echo "${v:-0}"
}
passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$RESULTS_DIR"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  passed=$((passed + $(trx_count passed "$counters")))
  for attr in failed error timeout aborted; do
    failed=$((failed + $(trx_count "$attr" "$counters")))
  done
  skipped=$((skipped + $(trx_count notExecuted "$counters")))
done
shopt -u nullglob
if [[ -f "$RESULTS_DIR/vitest.json" ]]; then
  read -r web_passed web_failed web_skipped < <(node -e '
    const r = require(process.argv[1]);
    console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);' "$RESULTS_DIR/vitest.json")
  passed=$((passed + web_passed)) failed=$((failed + web_failed)) skipped=$((skipped + web_skipped))
fi
if ((rc != 0 && failed == 0)); then
  echo "!! the tests failed (exit code $rc) without a failing test result: see the output above" >&2
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"

exit "$rc"
