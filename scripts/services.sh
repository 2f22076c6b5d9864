#!/usr/bin/env bash
# Throwaway services for tests, benchmarks and scale-out runs.
#
# Source it from another script:
#     source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
#     ensure_packages
#     start_postgres            # exports KANBAN_TEST_POSTGRES
#     trap stop_postgres EXIT
# or run it by hand:
#     scripts/services.sh ensure-packages | start-postgres | stop-postgres | status
#
# Everything lives under <repo>/.test-services/ (git-ignored) and listens on
# 127.0.0.1 only. Nothing here touches the machine's own PostgreSQL cluster.
#
# Settings (environment):
#     KANBAN_PG_PORT   port of the throwaway PostgreSQL (default 55432)

# ---------------------------------------------------------------------------
# Debian packages the test run needs. One entry per line: "package", or
# "package:command" to check with `command -v command` instead of dpkg (for a
# tool that may come from somewhere other than Debian's archive, like node).
# ---------------------------------------------------------------------------
KANBAN_TEST_PACKAGES=(
  postgresql
  redis-server
  nginx
  nodejs:node
  npm:npm
  chromium:chromium
)

KANBAN_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KANBAN_SERVICES_DIR="$KANBAN_REPO_ROOT/.test-services"
KANBAN_PG_PORT="${KANBAN_PG_PORT:-55432}"

svc_log() { printf '== %s\n' "$*"; }
svc_warn() { printf '!! %s\n' "$*" >&2; }

# Seconds since the epoch, with milliseconds (for the timings printed).
_svc_now() { date +%s.%3N; }
_svc_since() { awk -v a="$1" -v b="$(_svc_now)" 'BEGIN { printf "%.1f", b - a }'; }

_svc_services_dir() {
  mkdir -p "$KANBAN_SERVICES_DIR"
  chmod 755 "$KANBAN_SERVICES_DIR"   # other service users must be able to pass through
  printf '%s\n' "$KANBAN_SERVICES_DIR"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ---------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------

_svc_pkg_present() {
  local pkg="${1%%:*}" cmd=""
  [[ "$1" == *:* ]] && cmd="${1#*:}"
  if [[ -n "$cmd" ]]; then
    command -v "$cmd" >/dev/null 2>&1
  else
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" == installed ]]
  fi
}

# ensure_packages [entry...]: installs whichever of the entries (default:
# KANBAN_TEST_PACKAGES) is missing; runs apt-get update only if one is.
ensure_packages() {
  local entries=("$@") missing=() entry
  ((${#entries[@]})) || entries=("${KANBAN_TEST_PACKAGES[@]}")
  for entry in "${entries[@]}"; do
    _svc_pkg_present "$entry" || missing+=("${entry%%:*}")
  done
  if ((${#missing[@]} == 0)); then
    svc_log "packages present: ${entries[*]%%:*}"
    return 0
  fi
  if [[ "$(id -u)" != 0 ]]; then
    svc_warn "missing Debian packages (${missing[*]}) and not root: install them first"
    return 1
  fi
  local started log
  started="$(_svc_now)"
  log="$(_svc_services_dir)/apt.log"
  svc_log "installing Debian packages: ${missing[*]} (log: $log)"
  export DEBIAN_FRONTEND=noninteractive
  rm -f /var/lib/man-db/auto-update
  if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    svc_warn "apt-get failed; last lines of $log:"
    tail -n 30 "$log" >&2
    return 1
  fi
  svc_log "installed ${missing[*]} in $(_svc_since "$started") s"
}

# ---------------------------------------------------------------------------
# PostgreSQL: a throwaway cluster in .test-services/postgres, port
# KANBAN_PG_PORT, trust auth, fsync off. Wiped and re-created on every start.
# ---------------------------------------------------------------------------

# The newest /usr/lib/postgresql/<version>/bin that has the server (a
# client-only install has that folder too, without initdb and pg_ctl).
_pg_bin() {
  local dir
  while read -r dir; do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV)
  svc_warn "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (run ensure_packages)"
  return 1
}

# Runs a command as the postgres user when we are root (the server refuses to
# run as root), from / so that it never trips over an unreadable cwd.
_pg_as() {
  if [[ "$(id -u)" == 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# The cluster's folder: under the repo when the postgres user can reach it,
# otherwise (a checkout under a private folder such as /root) under /tmp.
_pg_dir() {
  local base
  base="$(_svc_services_dir)"
  if [[ "$(id -u)" == 0 ]] && ! runuser -u postgres -- test -x "$base" 2>/dev/null; then
    base="/tmp/kanban-test-services-$(printf '%s' "$KANBAN_REPO_ROOT" | cksum | cut -d' ' -f1)"
    mkdir -p "$base"
    chmod 755 "$base"
  fi
  printf '%s/postgres\n' "$base"
}

# Unix socket folder: inside the cluster folder, unless that path is too long
# for a socket name (about 107 bytes), then a short one under /tmp.
_pg_socket_dir() {
  local dir="$1/socket"
  if (( ${#dir} + 20 > 100 )); then
    dir="/tmp/kanban-pg-$KANBAN_PG_PORT"
  fi
  printf '%s\n' "$dir"
}

# True while $1 is a live (not zombie) process named postgres: after a reboot
# the pid in a stale postmaster.pid may belong to something else, and a killed
# server stays a zombie until PID 1 reaps it.
_pg_alive() {
  local state
  [[ "$(cat "/proc/$1/comm" 2>/dev/null || true)" == postgres ]] || return 1
  state="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != Z ]]
}

# stop_postgres: stops the throwaway cluster if it runs; keeps its files (and
# log) for a look afterwards. Safe to call any number of times.
stop_postgres() {
  local bin dir data pid i
  dir="$(_pg_dir)"
  data="$dir/data"
  [[ -f "$data/postmaster.pid" ]] || return 0
  pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
  if [[ -z "$pid" ]] || ! _pg_alive "$pid"; then
    rm -f "$data/postmaster.pid"   # stale: the server is gone already
    return 0
  fi
  svc_log "stopping PostgreSQL (pid $pid)"
  if bin="$(_pg_bin)"; then
    _pg_as "$bin/pg_ctl" -D "$data" -m fast -w -t 20 stop >/dev/null 2>&1 ||
      _pg_as "$bin/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  for ((i = 0; i < 20; i++)); do
    _pg_alive "$pid" || { rm -f "$data/postmaster.pid"; return 0; }
    sleep 0.1
  done
  svc_warn "pg_ctl could not stop PostgreSQL (pid $pid); killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    _pg_alive "$pid" || { rm -f "$data/postmaster.pid"; return 0; }
    sleep 0.1
  done
  svc_warn "PostgreSQL (pid $pid) is still running"
  return 1
}

# start_postgres: (re)creates and starts the throwaway cluster, waits until it
# accepts connections, and exports KANBAN_TEST_POSTGRES (a Npgsql connection
# string to the maintenance database; tests create their own databases).
start_postgres() {
  local bin dir data sock started
  started="$(_svc_now)"
  bin="$(_pg_bin)" || return 1
  dir="$(_pg_dir)"
  data="$dir/data"
  sock="$(_pg_socket_dir "$dir")"

  stop_postgres   # a leftover from an earlier run
  if port_in_use "$KANBAN_PG_PORT"; then
    svc_warn "port $KANBAN_PG_PORT on 127.0.0.1 is taken by another process (another checkout's test run?);"
    svc_warn "stop it, or set KANBAN_PG_PORT to a free port"
    return 1
  fi

  svc_log "starting PostgreSQL on 127.0.0.1:$KANBAN_PG_PORT ($dir)"
  rm -rf "$dir" "$sock"
  mkdir -p "$dir" "$sock"
  if [[ "$(id -u)" == 0 ]]; then
    chown postgres:postgres "$dir" "$sock"
    # pg_ctl and the server expect Debian's socket/lock folder to exist.
    mkdir -p /var/run/postgresql
    chown postgres:postgres /var/run/postgresql
    chmod 2775 /var/run/postgresql
  fi

  if ! _pg_as "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale --no-sync \
        >"$dir/initdb.log" 2>&1; then
    svc_warn "initdb failed; $dir/initdb.log says:"
    tail -n 20 "$dir/initdb.log" >&2
    return 1
  fi

  local opts="-c listen_addresses=127.0.0.1 -p $KANBAN_PG_PORT -k '$sock'"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  opts+=" -c max_connections=300"
  if ! _pg_as "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -o "$opts" -w -t 60 start \
        >"$dir/pg_ctl.log" 2>&1; then
    svc_warn "PostgreSQL did not start; $dir/postgres.log says:"
    tail -n 20 "$dir/postgres.log" >&2 2>/dev/null || cat "$dir/pg_ctl.log" >&2
    return 1
  fi

  local i
  for ((i = 0; i < 300; i++)); do
    "$bin/pg_isready" -h 127.0.0.1 -p "$KANBAN_PG_PORT" -q && break
    sleep 0.1
  done
  if ! "$bin/pg_isready" -h 127.0.0.1 -p "$KANBAN_PG_PORT" -q; then
    svc_warn "PostgreSQL started but does not accept connections; see $dir/postgres.log"
    return 1
  fi

  export KANBAN_TEST_POSTGRES="Host=127.0.0.1;Port=$KANBAN_PG_PORT;Username=postgres;Password=postgres;Database=postgres"
  svc_log "PostgreSQL ready in $(_svc_since "$started") s"
}

# ---------------------------------------------------------------------------
# Run by hand: scripts/services.sh <command>
# ---------------------------------------------------------------------------
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    ensure-packages) shift; ensure_packages "$@" ;;
    start-postgres)
      start_postgres
      echo "KANBAN_TEST_POSTGRES=$KANBAN_TEST_POSTGRES"
      ;;
    stop-postgres) stop_postgres ;;
    status)
      if port_in_use "$KANBAN_PG_PORT"; then
        echo "postgres: listening on 127.0.0.1:$KANBAN_PG_PORT"
      else
        echo "postgres: not running"
      fi
      ;;
    *)
      echo "usage: $0 ensure-packages [pkg...] | start-postgres | stop-postgres | status" >&2
      exit 2
      ;;
  esac
fi
