#!/usr/bin/env bash
# bench/ci.sh: every kanban-bench scenario at a tiny size (seconds) against one local SQLite
# server, with --json and --report, so that the tool itself keeps working. It fails only when
# the tool fails (a crash, an unusable result); figures and targets are not judged here.
#
# Builds in Debug into the projects' own bin/ folders (what `dotnet test Kanban.slnx` just built),
# or into BENCH_ARTIFACTS when that is set. BENCH_CI_CONFIGURATION overrides Debug.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

config="${BENCH_CI_CONFIGURATION:-Debug}"
bench_build "$config" "${BENCH_ARTIFACTS:-}"
out="$(mktemp -d /tmp/kanban-bench-ci.XXXXXX)"
trap 'bench_stop_server; rm -rf "$out"' EXIT
bench_raise_fd_limit
bench_start_server sqlite

scenarios=(
  "fanout --boards 2 --watchers 3 --rate 10 --duration 2 --warmup 1 --tasks 6"
  "throughput --writers 2 --users 2 --watchers 3 --duration 2 --warmup 1"
  "idle --connections 20 --settle 1"
  "catchup --events 30 --repeat 2 --writers 2 --tasks 8"
  "load --tasks 40 --iterations 5"
)
failed=0
for line in "${scenarios[@]}"; do
  read -r -a args <<<"$line"
  name="${args[0]}"
  started=$SECONDS
  if ! dotnet "$BENCH_TOOL_DLL" "${args[@]}" --url "$BENCH_SERVER_URL" --pid "$BENCH_SERVER_PID" \
        --server-rate-limit 0 --db sqlite --json --report "$out/$name.md" >"$out/$name.json" 2>"$out/$name.log"; then
    bench_warn "kanban-bench $name failed; its output:"
    tail -n 40 "$out/$name.log" >&2
    failed=1
    continue
  fi
  if [[ ! -s "$out/$name.json" || ! -s "$out/$name.md" ]] ||
     { command -v python3 >/dev/null && ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out/$name.json"; }; then
    bench_warn "kanban-bench $name wrote no usable result"
    failed=1
    continue
  fi
  bench_log "kanban-bench $name: ok ($((SECONDS - started)) s)"
done
if ((failed)); then
  bench_warn "server log (last lines):"
  tail -n 30 "$BENCH_SERVER_LOG" >&2 || true
fi
exit "$failed"
