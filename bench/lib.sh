#!/usr/bin/env bash
# Shared by bench/run.sh and bench/ci.sh: build the server and the benchmark, start a throwaway
# server (SQLite in a fresh DATA_DIR, or a fresh database on a throwaway PostgreSQL), stop it.
# Source it; it defines functions only.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_REPO="$(cd "$BENCH_DIR/.." && pwd)"

bench_log() { printf '== %s\n' "$*" >&2; }
bench_warn() { printf '!! %s\n' "$*" >&2; }

# bench_build CONFIG [ARTIFACTS]: builds src/Kanban.Server and bench/Kanban.Bench. With ARTIFACTS,
# outputs go there (--artifacts-path), away from the bin/obj folders of anyone building in the
# repository at the same time. Sets BENCH_SERVER_DIR and BENCH_TOOL_DLL.
bench_build() {
  local config="$1" artifacts="${2:-}" lower
  lower="$(printf '%s' "$config" | tr '[:upper:]' '[:lower:]')"
  local args=(-c "$config" --nologo -v quiet -clp:ErrorsOnly)
  [[ -n "$artifacts" ]] && args+=(--artifacts-path "$artifacts")
  bench_log "building the server and kanban-bench ($config${artifacts:+, into $artifacts}) from commit" \
    "$(git -C "$BENCH_REPO" log -1 --format=%h 2>/dev/null || echo '?')" \
    "with $(git -C "$BENCH_REPO" status --porcelain -- src 2>/dev/null | wc -l) uncommitted paths under src/"
  dotnet build "$BENCH_REPO/src/Kanban.Server/Kanban.Server.csproj" "${args[@]}" >&2 || return 1
  dotnet build "$BENCH_REPO/bench/Kanban.Bench/Kanban.Bench.csproj" "${args[@]}" >&2 || return 1
  if [[ -n "$artifacts" ]]; then
    BENCH_SERVER_DIR="$artifacts/bin/Kanban.Server/$lower"
    BENCH_TOOL_DLL="$artifacts/bin/Kanban.Bench/$lower/kanban-bench.dll"
  else
    BENCH_SERVER_DIR="$BENCH_REPO/src/Kanban.Server/bin/$config/net10.0"
    BENCH_TOOL_DLL="$BENCH_REPO/bench/Kanban.Bench/bin/$config/net10.0/kanban-bench.dll"
  fi
  [[ -f "$BENCH_SERVER_DIR/Kanban.Server.dll" && -f "$BENCH_TOOL_DLL" ]] || {
    bench_warn "build outputs not found ($BENCH_SERVER_DIR/Kanban.Server.dll, $BENCH_TOOL_DLL)"
    return 1
  }
}

# A TCP port on 127.0.0.1 that nothing listens on.
bench_free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# bench_raise_fd_limit: the soft limit of open files up to the hard limit (every WebSocket is
# one descriptor on each side). Children (server, tool) inherit it.
bench_raise_fd_limit() {
  local hard
  hard="$(ulimit -Hn)"
  ulimit -n "$hard" 2>/dev/null || true
  BENCH_FD_LIMIT="$(ulimit -n)"
}

# PostgreSQL: the throwaway cluster of scripts/services.sh, but in its own folder and on its own
# port, so that it never touches the cluster a test run may have going at the same time.
bench_start_postgres() {
  # shellcheck source=../scripts/services.sh
  source "$BENCH_REPO/scripts/services.sh"
  KANBAN_SERVICES_DIR="${BENCH_SERVICES_DIR:-/tmp/kanban-bench-services}"
  KANBAN_PG_PORT="${BENCH_PG_PORT:-55532}"
  if port_in_use "$KANBAN_PG_PORT"; then
    KANBAN_PG_PORT="$(bench_free_port)"
  fi
  ensure_packages postgresql >&2 || return 1
  start_postgres >&2 || return 1
  BENCH_PG_STARTED=1
}

bench_stop_postgres() {
  if [[ -n "${BENCH_PG_STARTED:-}" ]]; then
    stop_postgres >&2 || true
    BENCH_PG_STARTED=
  fi
}

# bench_start_server sqlite|postgres [NAME=VALUE...]: starts the built server on a free port with
# RATE_LIMIT_PER_SECOND=0, AUTH_RATE_LIMIT_PER_MINUTE=0 (every user signs up from 127.0.0.1) and a
# fresh database; extra settings go to its environment.
# Sets BENCH_SERVER_PID, BENCH_SERVER_URL, BENCH_SERVER_LOG, BENCH_TMP.
bench_start_server() {
  local db="$1"
  shift
  BENCH_TMP="$(mktemp -d /tmp/kanban-bench.XXXXXX)"
  BENCH_SERVER_LOG="$BENCH_TMP/server.log"
  local port env=(RATE_LIMIT_PER_SECOND=0 AUTH_RATE_LIMIT_PER_MINUTE=0 DATA_DIR="$BENCH_TMP/data" ASPNETCORE_ENVIRONMENT=Production)
  port="$(bench_free_port)"
  env+=(ASPNETCORE_URLS="http://127.0.0.1:$port")
  if [[ "$db" == postgres ]]; then
    local name="kanban_bench_$(date +%s)_$RANDOM" psql
    psql="$(_pg_bin)/psql"
    [[ -x "$psql" ]] || psql=psql
    "$psql" -h 127.0.0.1 -p "$KANBAN_PG_PORT" -U postgres -d postgres -q -c "CREATE DATABASE $name" >&2 || return 1
    env+=("ConnectionStrings__Postgres=${KANBAN_TEST_POSTGRES/Database=postgres/Database=$name}")
    BENCH_PG_DATABASE="$name"
  fi
  env+=("$@")
  bench_log "starting the server on 127.0.0.1:$port ($db; log: $BENCH_SERVER_LOG)"
  # The content root is the output folder (its appsettings.json); exec keeps the pid the server's.
  (cd "$BENCH_SERVER_DIR" && exec env "${env[@]}" dotnet Kanban.Server.dll) >"$BENCH_SERVER_LOG" 2>&1 &
  BENCH_SERVER_PID=$!
  BENCH_SERVER_URL="http://127.0.0.1:$port"
  local i
  for ((i = 0; i < 600; i++)); do
    if ! kill -0 "$BENCH_SERVER_PID" 2>/dev/null; then
      bench_warn "the server exited; its log:"
      tail -n 40 "$BENCH_SERVER_LOG" >&2
      return 1
    fi
    if curl -fsS -o /dev/null "$BENCH_SERVER_URL/readyz" 2>/dev/null; then
      bench_log "server ready (pid $BENCH_SERVER_PID) after $((i / 10)).$((i % 10)) s"
      return 0
    fi
    sleep 0.1
  done
  bench_warn "the server did not become ready in 60 s"
  return 1
}

bench_stop_server() {
  if [[ -n "${BENCH_SERVER_PID:-}" ]] && kill -0 "$BENCH_SERVER_PID" 2>/dev/null; then
    kill -TERM "$BENCH_SERVER_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 100; i++)); do
      kill -0 "$BENCH_SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$BENCH_SERVER_PID" 2>/dev/null && kill -KILL "$BENCH_SERVER_PID" 2>/dev/null
    wait "$BENCH_SERVER_PID" 2>/dev/null || true
  fi
  BENCH_SERVER_PID=
  if [[ -n "${BENCH_PG_DATABASE:-}" ]]; then
    local psql
    psql="$(_pg_bin)/psql"
    "$psql" -h 127.0.0.1 -p "$KANBAN_PG_PORT" -U postgres -d postgres -q \
      -c "DROP DATABASE IF EXISTS $BENCH_PG_DATABASE WITH (FORCE)" >&2 2>/dev/null || true
    BENCH_PG_DATABASE=
  fi
  # The server's folder (log, SQLite file) goes too, unless asked to keep it (run.sh --keep).
  if [[ -n "${BENCH_TMP:-}" && -z "${BENCH_KEEP:-}" ]]; then
    rm -rf "$BENCH_TMP"
  fi
}
