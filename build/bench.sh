#!/usr/bin/env bash
# Benchmarks OrderHub on this machine: a Release build against a throwaway PostgreSQL cluster, pgbench -N on
# the same server as the yardstick, then order intake, a hot SKU, stock reads and the return flow driven by
# tools/OrderHub.LoadDriver through the HTTP API. Prints the figures; a full run also adds them to
# docs/benchmarks.md (newest first).
#   build/bench.sh [--quick] [--only intake,hot,reads,returns,analytics] [--profile] [--nodes N]
#     --quick    3 s per scenario: a smoke run, not added to docs/benchmarks.md
#     --only     just these scenarios (not added to docs/benchmarks.md either). analytics runs only when named:
#                tools/OrderHub.AnalyticsSeeder loads a year of history (1,000,000 order lines, 150,000 returns)
#                into the Analytics read model, then every analytics route is timed, one request at a time and
#                by 8 clients at once (figures in docs/benchmarks.md, "Returns analytics")
#     --profile  samples the app with perf (CPU clock, 499 Hz, JIT symbols from the runtime's perf map) and keeps
#                the samples of the scenarios' timed windows (not the start, the seed or the warm-ups); writes the
#                hottest methods, self and inclusive, to artifacts/bench/profile.txt
#     --allocations  traces the app's allocations (dotnet-trace, --profile gc-verbose) for 8 s from 2 s into the
#                first timed scenario, and writes where they come from, by type and by OrderHub method, to
#                artifacts/bench/allocations.txt (tools/OrderHub.AllocationTrace reads the trace)
#     --statements  loads pg_stat_statements, counts from the first timed window to the end of the run (with --only,
#                one scenario and the event backlog it leaves), and writes each statement's calls, rows and
#                execution time, in all and per request of that scenario, to artifacts/bench/statements.txt
#     --nodes N  scale-out: order intake (or the --only scenarios) through HAProxy, first in front of one node,
#                then of N nodes on the same PostgreSQL, each on a fresh database; compares the two runs and
#                writes the comparison to artifacts/bench/nodes.md (not added to docs/benchmarks.md)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/build/lib/common.sh"
. "$root/build/lib/postgres.sh"
. "$root/build/lib/cluster.sh"

quick=0 only="" profile=0 allocations=0 statements=0 warmup_override="" nodes=""
usage() { echo "usage: build/bench.sh [--quick] [--only intake,hot,reads,returns,analytics] [--warmup S] [--profile | --allocations] [--statements] [--nodes N]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --only) [ $# -ge 2 ] || usage; only="$2"; shift ;;
    --profile) profile=1 ;;
    --allocations) allocations=1 ;;
    --statements) statements=1 ;;
    --warmup) [ $# -ge 2 ] || usage; warmup_override="$2"; shift ;;
    --nodes) [ $# -ge 2 ] && [ "$2" -ge 2 ] 2>/dev/null || usage; nodes="$2"; shift ;;
    *) usage ;;
  esac
  shift
done

# Seconds per scenario after a warm-up, RMAs per return-flow client (16 clients), SKUs orders spread over.
if [ "$quick" -eq 1 ]; then
  duration=3 warmup=1 rmas_per_client=2
else
  duration=20 warmup=3 rmas_per_client=30
fi
# Order lines draw from 3 groups of 10 SKUs (line g from group g), in the app's intake and in its SQL ceiling alike.
intake_skus=30
[ -n "$warmup_override" ] && warmup="$warmup_override"
pgbench_clients=32 pgbench_scale=10

out="$root/artifacts/bench"
rm -rf "$out"
mkdir -p "$out"

# --- stop everything this script started, whatever happens -------------------------------------
app_pid="" perf_pid="" trace_pid="" reset_pid=""
stop_perf() {
  if [ -n "$perf_pid" ] && kill -0 "$perf_pid" 2>/dev/null; then
    kill -INT "$perf_pid" 2>/dev/null || true
    wait "$perf_pid" 2>/dev/null || true
  fi
  perf_pid=""
}
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
stop_trace() {
  if [ -n "$trace_pid" ] && kill -0 "$trace_pid" 2>/dev/null; then
    kill -TERM "$trace_pid" 2>/dev/null || true
  fi
  [ -z "$trace_pid" ] || wait "$trace_pid" 2>/dev/null || true
  trace_pid=""
}
stop_reset() { [ -z "$reset_pid" ] || { kill "$reset_pid" 2>/dev/null || true; wait "$reset_pid" 2>/dev/null || true; }; reset_pid=""; }
cleanup() { stop_perf; stop_trace; stop_reset; stop_app; cluster_stop; pg_stop; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build ----------------------------------------------------------------------------------------
pg_find_or_install
[ -x "$pg_bin/pgbench" ] || apt_install postgresql-contrib
if [ "$profile" -eq 1 ]; then command -v perf >/dev/null || apt_install linux-perf; fi
if [ "$profile" -eq 1 ] && [ "$allocations" -eq 1 ]; then echo "--profile and --allocations would each distort the other" >&2; exit 2; fi
if [ "$allocations" -eq 1 ]; then dotnet tool restore >/dev/null; fi
if [ -n "$nodes" ]; then
  [ "$profile" -eq 0 ] && [ "$allocations" -eq 0 ] && [ "$statements" -eq 0 ] || { echo "--profile, --allocations and --statements follow one node; they do not combine with --nodes" >&2; exit 2; }
  haproxy_find_or_install
  [ -n "$only" ] || only="intake"
fi

log "building the app and the load driver (Release)"
# The same properties as build/test.sh, so either script reuses the other's Release build.
dotnet build build/bench.slnf -c Release -nologo -v quiet -p:ContinuousIntegrationBuild=true
app_dll="$root/src/OrderHub.Api/bin/Release/net10.0/OrderHub.Api.dll"
driver_dll="$root/tools/OrderHub.LoadDriver/bin/Release/net10.0/OrderHub.LoadDriver.dll"
seeder_dll="$root/tools/OrderHub.AnalyticsSeeder/bin/Release/net10.0/OrderHub.AnalyticsSeeder.dll"
allocation_trace_dll="$root/tools/OrderHub.AllocationTrace/bin/Release/net10.0/OrderHub.AllocationTrace.dll"

# --- database, and pgbench as the yardstick -------------------------------------------------------
# Other work on the machine skews every figure: note how busy it was when the run began.
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
[ "$statements" -eq 0 ] || pg_options="${pg_options:-} -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
pg_start
# psql_in DATABASE ARGS…: a statement in one of the cluster's databases; psql_do runs in the maintenance database.
psql_in() { local database="$1"; shift; run_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d "$database" -qAt "$@"; }
psql_do() { psql_in postgres "$@"; }
psql_do -c "CREATE DATABASE orderhub" -c "CREATE DATABASE pgbench"
[ "$statements" -eq 0 ] || psql_in orderhub -c "CREATE EXTENSION pg_stat_statements"

log "pgbench -N -c $pgbench_clients -j 2 -T $duration (scale $pgbench_scale)"
run_pg "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -i -q -s "$pgbench_scale" pgbench >"$out/pgbench-init.txt" 2>&1
run_pg "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -N -c "$pgbench_clients" -j 2 -T "$duration" pgbench \
  | tee "$out/pgbench.txt" | grep -E '^(tps|latency average)'
# One client: what a single small write transaction costs here, the yardstick of one request's latency.
log "pgbench -N -c 1 -T $(( (duration + 3) / 4 ))"
run_pg "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -N -c 1 -j 1 -T "$(( (duration + 3) / 4 ))" pgbench \
  | tee "$out/pgbench-1.txt" | grep -E '^(tps|latency average)'

# --- scale-out: the same load through HAProxy in front of 1 node, then N nodes ------------------------
if [ -n "$nodes" ]; then
  api_key="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
  status=0
  for count in 1 "$nodes"; do
    database="orderhub_$count"
    connection="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=$database"
    psql_do -c "CREATE DATABASE $database"
    log "starting $count node(s) behind HAProxy"
    nodes_start "$count" "$app_dll" "$connection" "$api_key" "$out/nodes-$count" \
      OrderHub__RateLimiting__PermitsPerSecond=1000000 OrderHub__RateLimiting__Burst=1000000
    haproxy_start "" "$out/nodes-$count"
    log "load driver: $only through HAProxy, $count node(s)"
    driver_args=(--base-url "http://127.0.0.1:$lb_port" --api-key "$api_key" --app-pid "$(IFS=,; echo "${node_pids[*]}")"
      --db-pid "$(pg_pid)" --clk-tck "$(getconf CLK_TCK)" --duration "$duration" --warmup "$warmup"
      --rmas-per-client "$rmas_per_client" --intake-skus "$intake_skus" --only "$only" --out "$out/results-$count.json" --db "$connection")
    [ "$quick" -eq 1 ] && driver_args+=(--quick)
    dotnet "$driver_dll" "${driver_args[@]}" || status=$?
    for pid in "${node_pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a node died during the run (see $out/nodes-$count)" >&2; status=1; }; done
    cluster_stop
  done
  log "results: 1 node against $nodes nodes"
  python3 - "$out" "$nodes" "$(nproc)" <<'PY' | tee "$out/nodes.md"
import json, sys, pathlib
out, n, cores = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
runs = {c: json.loads((out / f"results-{c}.json").read_text()) for c in ("1", n)}
print(f"Scale-out on {cores} cores, through HAProxy (round robin), one PostgreSQL; CPU in % of one core, app summed over its nodes.\n")
print("| scenario | nodes | requests/s | p50 ms | p99 ms | errors | app CPU | database CPU | driver CPU | other CPU |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for c, run in runs.items():
    for s in run["scenarios"]:
        t, r = s["total"], s["resources"]
        print(f"| {s['name']} | {c} | {t['requestsPerSecond']:.0f} | {t['p50']:.1f} | {t['p99']:.1f} | {t['errors']} | {r['appCpuPercent']:.0f} | {r['dbCpuPercent'] or 0:.0f} | {r['driverCpuPercent']:.0f} | {r['otherCpuPercent']:.0f} |")
one = {s["name"]: s["total"]["requestsPerSecond"] for s in runs["1"]["scenarios"]}
for s in runs[n]["scenarios"]:
    if one.get(s["name"]):
        print(f"\n{s['name']}: {n} nodes give {s['total']['requestsPerSecond'] / one[s['name']]:.2f}x the throughput of 1 node")
PY
  echo "pgbench -N on the same server: $(grep -E '^tps' "$out/pgbench.txt" | head -1)"
  exit "$status"
fi

# --- the app, on a fresh database ------------------------------------------------------------------
app_port="$(free_port)"
api_key="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
log "starting OrderHub on 127.0.0.1:$app_port"
# perf resolves JIT-compiled frames from the perf map only when the code is not double-mapped (W^X off while profiling).
app_env=(DOTNET_PerfMapEnabled="$profile")
[ "$profile" -eq 0 ] || app_env+=(DOTNET_EnableWriteXorExecute=0)
app_launch "$app_dll" "Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=orderhub" "$api_key" "http://127.0.0.1:$app_port" "$out/app.log" \
  "${app_env[@]}"
for _ in $(seq 120); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$out/app.log" >&2; echo "the app exited during startup" >&2; exit 1; }
  curl -fsS "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$app_port/health/ready" >/dev/null || { echo "the app did not become ready" >&2; exit 1; }

# --- the analytics history: loaded after the app's migrations created the schema --------------------
analytics=0
case ",$only," in *,analytics,*) analytics=1 ;; esac
if [ "$analytics" -eq 1 ]; then
  seed_args=(--db "Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=orderhub;Command Timeout=600" --expected "$out/analytics-expected.json")
  [ "$quick" -eq 1 ] && seed_args+=(--order-lines 100000 --returns 15000)
  # 26 route variants: 100 sequential requests each (and 100 per client in the 8-client mix) keep the run near ten minutes.
  analytics_requests=100
  log "seeding the analytics read model"
  dotnet "$seeder_dll" "${seed_args[@]}" | tee "$out/analytics-seed.txt"
fi

# --- the ceiling: an order's synchronous writes hand-written in SQL, run by the driver right before intake ---
# pgbench runs on the app's database after the seed, with the intake scenario's clients, duration and SKU draw.
ceiling_script="$pg_dir/order-intake-ceiling.sql"
cp "$root/build/bench/order-intake-ceiling.sql" "$ceiling_script"
chmod 644 "$ceiling_script"
ceiling_cmd="$pg_bin/pgbench -h 127.0.0.1 -p $pg_port -U $pg_user -n -M prepared -f $ceiling_script -c $pgbench_clients -j 2 -T $duration orderhub"
[ "$(id -u)" -eq 0 ] && ceiling_cmd="runuser -u postgres -- $ceiling_cmd"

# --- load ------------------------------------------------------------------------------------------
log "load driver"
driver_args=(--base-url "http://127.0.0.1:$app_port" --api-key "$api_key" --app-pid "$app_pid" --db-pid "$(pg_pid)"
  --clk-tck "$(getconf CLK_TCK)" --duration "$duration" --warmup "$warmup" --rmas-per-client "$rmas_per_client"
  --intake-skus "$intake_skus" --out "$out/results.json"
  --ceiling-command "$ceiling_cmd" --ceiling-out "$out/ceiling.txt"
  --db "Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=orderhub")
[ "$quick" -eq 1 ] && driver_args+=(--quick)
[ -n "$only" ] && driver_args+=(--only "$only")
[ "$analytics" -eq 1 ] && driver_args+=(--analytics-expected "$out/analytics-expected.json" --analytics-requests "$analytics_requests")
if [ "$profile" -eq 1 ]; then
  # Stamped with CLOCK_MONOTONIC, the clock the driver gives each scenario's timed window in.
  perf record -F 499 -g -k CLOCK_MONOTONIC -p "$app_pid" -o "$out/perf.data" >"$out/perf-record.log" 2>&1 &
  perf_pid=$!
fi
# The driver adds a line to the window file as each timed window begins; the tracers below wait for the first.
if [ "$allocations" -eq 1 ] || [ "$statements" -eq 1 ]; then driver_args+=(--window-file "$out/windows.txt"); fi
await_first_window() { for _ in $(seq 6000); do [ -s "$out/windows.txt" ] && return 0; sleep 0.2; done; return 1; }
if [ "$statements" -eq 1 ]; then
  # Counted from the first timed window: not the seed, the ceiling's pgbench run or the warm-up.
  (
    await_first_window && psql_in orderhub -c "SELECT pg_stat_statements_reset()" >/dev/null
  ) &
  reset_pid=$!
fi
if [ "$allocations" -eq 1 ]; then
  # 8 s from 2 s into the first timed window.
  (
    await_first_window || exit 0
    sleep 2
    exec dotnet tool run dotnet-trace collect -p "$app_pid" --profile gc-verbose --duration 00:00:00:08 \
      -o "$out/allocations.nettrace" >"$out/dotnet-trace.log" 2>&1
  ) &
  trace_pid=$!
fi
status=0
dotnet "$driver_dll" "${driver_args[@]}" || status=$?
stop_perf
[ "$allocations" -eq 0 ] || { wait "$trace_pid" 2>/dev/null || true; trace_pid=""; }
if [ "$statements" -eq 1 ]; then
  stop_reset
  psql_in orderhub -F $'\t' -c "SELECT calls, rows, total_exec_time, regexp_replace(query, '\s+', ' ', 'g')
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'orderhub') ORDER BY total_exec_time DESC" >"$out/statements.tsv"
fi
run_log_lines="$(wc -l <"$out/app.log")"  # what the app logs while shutting down is not part of the run
kill -0 "$app_pid" 2>/dev/null || { echo "the app died during the run (see $out/app.log)" >&2; status=1; }
stop_app
pg_stop

# --- report ----------------------------------------------------------------------------------------
[ -f "$out/results.json" ] || { echo "the load driver wrote no results" >&2; exit 1; }
commit="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- src tools build 2>/dev/null || commit="$commit (with uncommitted changes)"
report_args=(--results "$out/results.json" --pgbench "$out/pgbench.txt" --pgbench-clients "$pgbench_clients" --ceiling "$out/ceiling.txt" --pgbench-single "$out/pgbench-1.txt"
  --pgbench-scale "$pgbench_scale" --commit "$commit" --postgres "$("$pg_bin/postgres" --version | awk '{print $3}')"
  --dotnet "$(dotnet --version)" --load "$load_at_start" --section "$out/benchmarks-section.md")
if [ "$quick" -eq 0 ] && [ -z "$only" ] && [ "$profile" -eq 0 ] && [ "$allocations" -eq 0 ] && [ "$statements" -eq 0 ]; then report_args+=(--doc "$root/docs/benchmarks.md"); fi
log "results"
python3 "$root/build/lib/bench_report.py" "${report_args[@]}"
if [ "$profile" -eq 1 ]; then
  # The runtime wrote the JIT's symbols to /tmp/perf-<pid>.map; perf script reads them from there. Only the samples
  # of the scenarios' timed windows count: not the app's start, the seed or the warm-ups, where the JIT dominates.
  windows="$(python3 -c 'import json, sys
print(" ".join("%.6f,%.6f" % (s["resources"]["window"]["start"], s["resources"]["window"]["end"]) for s in json.load(open(sys.argv[1]))["scenarios"]))' "$out/results.json")"
  perf script -i "$out/perf.data" -F ip,sym,dso --time "$windows" 2>/dev/null >"$out/perf-stacks.txt" || true
  python3 "$root/build/lib/perf_summary.py" "$out/perf-stacks.txt" | tee "$out/profile.txt"
  rm -f "/tmp/perf-$app_pid.map" "/tmp/perfinfo-$app_pid.map"
  echo "profile: $out/profile.txt (raw: $out/perf.data)"
fi
if [ "$statements" -eq 1 ]; then
  python3 "$root/build/lib/statements_summary.py" "$out/statements.tsv" "$out/results.json" >"$out/statements.txt"
  head -n 30 "$out/statements.txt"
  echo "statements: $out/statements.txt"
fi
if [ "$allocations" -eq 1 ]; then
  if [ -s "$out/allocations.nettrace" ]; then
    dotnet "$allocation_trace_dll" "$out/allocations.nettrace" >"$out/allocations.txt"
    head -n 40 "$out/allocations.txt"
    echo "allocations: $out/allocations.txt (raw: $out/allocations.nettrace)"
  else
    echo "no allocation trace was written (see $out/dotnet-trace.log)" >&2
  fi
fi
# On a fresh database EF logs failed probes of the migration-history tables at startup: not a problem.
problems="$(head -n "$run_log_lines" "$out/app.log" | grep -E '"LogLevel":"(Error|Critical)"|^(fail|crit):' | grep -cv '__migrations' || true)"
echo "app log: $out/app.log ($problems error entries logged during the run)"
exit "$status"
