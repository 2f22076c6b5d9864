#!/usr/bin/env bash
# bench/measure.sh [sqlite|postgres|both] [SCENARIO...]: the runs behind docs/performance.md, at
# the design targets' sizes, each on a freshly started server (bench/run.sh). Writes
# bench/results/DB-SCENARIO.{md,json,log} and prints the load average around every run.
# The warm-ups are long on purpose: on 2 shared cores the tiered JIT keeps compiling for the first
# 45 s (SQLite) to 90 s (PostgreSQL) of load (dotnet-counters: up to 2.7 s of JIT per second
# across threads). About 20 minutes per database.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${BENCH_RESULTS:-$here/results}"
mkdir -p "$out"

which="${1:-both}"
shift || true
wanted=("$@")
case "$which" in
  sqlite) dbs=(sqlite) ;;
  postgres) dbs=(postgres) ;;
  both) dbs=(sqlite postgres) ;;
  *) echo "usage: $0 [sqlite|postgres|both] [SCENARIO...]" >&2; exit 2 ;;
esac

declare -A runs=(
  [fanout]="fanout --boards 10 --watchers 20 --rate 20 --duration 60 --warmup 120"
  [throughput]="throughput --writers 16 --watchers 50 --duration 30 --warmup 120"
  [idle]="idle --connections 19500 --boards 100 --settle 15"
  [catchup]="catchup --events 1000 --repeat 10"
  [load]="load --tasks 2000 --iterations 100 --warmup 20"
  # Not design targets: what the idle figure is made of.
  [idle-one-board]="idle --connections 2000 --boards 1 --settle 15"
  [idle-no-join]="idle --connections 19500 --no-join --settle 15"
  [throughput-no-watchers]="throughput --writers 16 --watchers 0 --duration 30 --warmup 60"
  [throughput-one-writer]="throughput --writers 1 --watchers 0 --duration 30 --warmup 60"
)
order=(fanout throughput idle catchup load idle-one-board idle-no-join throughput-no-watchers throughput-one-writer)
((${#wanted[@]})) && order=("${wanted[@]}")

built=0
for db in "${dbs[@]}"; do
  for name in "${order[@]}"; do
    [[ -n "${runs[$name]:-}" ]] || { echo "unknown run $name" >&2; exit 2; }
    # The breakdown runs need one database (the one-writer run both).
    [[ "$db" == postgres && ( "$name" == idle-* || "$name" == throughput-no-watchers ) ]] && continue
    read -r -a args <<<"${runs[$name]}"
    extra=()
    [[ "$db" == postgres ]] && extra+=(--postgres)
    ((built)) && extra+=(--no-build)
    [[ "$name" == throughput* ]] && extra+=(--counters "$out/$db-$name.counters.csv")
    echo "== $(date -u +%H:%M:%S) $db $name: load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    # What else runs on the machine meanwhile: the busiest processes every 5 s.
    top -b -d 5 -w 200 2>/dev/null | grep -A 8 --no-group-separator -E '^top -|^ +PID' >"$out/$db-$name.top.txt" &
    sampler=$!
    # The JSON goes to a temporary file first: a half-written result never replaces a good one.
    "$here/run.sh" "${args[@]}" "${extra[@]}" --report "$out/$db-$name.md" --json \
      >"$out/.$db-$name.json.tmp" 2> >(tee "$out/$db-$name.log" >&2)
    mv "$out/.$db-$name.json.tmp" "$out/$db-$name.json"
    kill "$sampler" 2>/dev/null || true
    built=1
    echo "== $(date -u +%H:%M:%S) $db $name done: load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  done
done
