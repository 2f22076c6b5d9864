#!/usr/bin/env bash
# bench/run.sh SCENARIO [run options] [kanban-bench options]
#
# Builds the server (Release) and kanban-bench, starts the server on a free 127.0.0.1 port with a
# fresh database, RATE_LIMIT_PER_SECOND=0 and AUTH_RATE_LIMIT_PER_MINUTE=0, runs the scenario
# against it (with --pid, so the tool can read the server's memory and CPU), and stops everything.
#
# Run options (the rest goes to kanban-bench, e.g. --boards 10 --report out.md --json):
#   --postgres              PostgreSQL (a throwaway cluster via scripts/services.sh) instead of SQLite
#   --server-env NAME=VALUE extra server setting, repeatable (e.g. DOTNET_gcServer=0, or
#                           Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information)
#   --trace FILE            also record a dotnet-trace of the server (--trace-delay S after the start
#                           of the scenario, for --trace-seconds S; defaults 10 and 10)
#   --counters FILE         also record dotnet-counters (csv) of the server for the whole run
#   --no-build              reuse the last build
#   --keep                  keep the server's folder (log, SQLite file) under /tmp
#
# Environment: BENCH_ARTIFACTS (build output, default /tmp/kanban-bench-artifacts),
#              BENCH_PG_PORT (default 55532), BENCH_SERVICES_DIR (default /tmp/kanban-bench-services).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 1 ]] || usage
scenario="$1"
shift
[[ "$scenario" == -h || "$scenario" == --help ]] && usage

db=sqlite build=1 trace="" trace_delay=10 trace_seconds=10 counters=""
server_env=() tool_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgres) db=postgres ;;
    --server-env) server_env+=("$2"); shift ;;
    --trace) trace="$2"; shift ;;
    --trace-delay) trace_delay="$2"; shift ;;
    --trace-seconds) trace_seconds="$2"; shift ;;
    --counters) counters="$2"; shift ;;
    --no-build) build=0 ;;
    --keep) BENCH_KEEP=1 ;;
    *) tool_args+=("$1") ;;
  esac
  shift
done

artifacts="${BENCH_ARTIFACTS:-/tmp/kanban-bench-artifacts}"
if ((build)); then
  bench_build Release "$artifacts"
else
  BENCH_SERVER_DIR="$artifacts/bin/Kanban.Server/release"
  BENCH_TOOL_DLL="$artifacts/bin/Kanban.Bench/release/kanban-bench.dll"
fi

cleanup() {
  local status=$?
  [[ -n "${trace_pid:-}" ]] && wait "$trace_pid" 2>/dev/null || true
  # Background jobs of a script ignore SIGINT: stop dotnet-counters with TERM (it flushes its CSV).
  [[ -n "${counters_pid:-}" ]] && kill -TERM "$counters_pid" 2>/dev/null && wait "$counters_pid" 2>/dev/null || true
  bench_stop_server
  bench_stop_postgres
  [[ -n "${BENCH_KEEP:-}" && -n "${BENCH_TMP:-}" ]] && bench_log "kept $BENCH_TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench_raise_fd_limit
[[ "$db" == postgres ]] && bench_start_postgres
bench_start_server "$db" "${server_env[@]}"
bench_log "open files limit: $BENCH_FD_LIMIT; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

tools="$HOME/.dotnet/tools"
if [[ -n "$counters" ]]; then
  "$tools/dotnet-counters" collect -p "$BENCH_SERVER_PID" --format csv -o "$counters" \
    --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.AspNetCore.Http.Connections >/dev/null 2>&1 &
  counters_pid=$!
fi
if [[ -n "$trace" ]]; then
  (sleep "$trace_delay" && "$tools/dotnet-trace" collect -p "$BENCH_SERVER_PID" -o "$trace" \
    --duration "00:00:00:$(printf '%02d' "$trace_seconds")" >"$BENCH_TMP/trace.log" 2>&1) &
  trace_pid=$!
fi

dotnet "$BENCH_TOOL_DLL" "$scenario" --url "$BENCH_SERVER_URL" --pid "$BENCH_SERVER_PID" \
  --server-rate-limit 0 --db "$db" "${tool_args[@]}"
