#!/usr/bin/env bash
# Benchmarks OrderHub on this machine: a Release build against a throwaway PostgreSQL cluster, pgbench -N on
# the same server as the yardstick, then order intake, a hot SKU, stock reads and the return flow driven by
# tools/OrderHub.LoadDriver through the HTTP API. Prints the figures; a full run also adds them to
# docs/benchmarks.md (newest first). Usage: build/bench.sh [--quick]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/build/lib/common.sh"
. "$root/build/lib/postgres.sh"

quick=0
case "${1:-}" in
  "") ;;
  --quick) quick=1 ;;
  *) echo "usage: build/bench.sh [--quick]" >&2; exit 2 ;;
esac

# Seconds per scenario after a warm-up, RMAs per return-flow client (16 clients), SKUs orders spread over.
if [ "$quick" -eq 1 ]; then
  duration=3 warmup=1 rmas_per_client=2 intake_skus=30
else
  duration=20 warmup=3 rmas_per_client=12 intake_skus=200
fi
pgbench_clients=32 pgbench_scale=10

out="$root/artifacts/bench"
rm -rf "$out"
mkdir -p "$out"

# --- stop everything this script started, whatever happens -------------------------------------
app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
cleanup() { stop_app; pg_stop; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build ----------------------------------------------------------------------------------------
pg_find_or_install
[ -x "$pg_bin/pgbench" ] || apt_install postgresql-contrib

log "building the app and the load driver (Release)"
# The same properties as build/test.sh, so either script reuses the other's Release build.
dotnet build build/bench.slnf -c Release -nologo -v quiet -p:ContinuousIntegrationBuild=true
app_dll="$root/src/OrderHub.Api/bin/Release/net10.0/OrderHub.Api.dll"
driver_dll="$root/tools/OrderHub.LoadDriver/bin/Release/net10.0/OrderHub.LoadDriver.dll"

# --- database, and pgbench as the yardstick -------------------------------------------------------
# Other work on the machine skews every figure: note how busy it was when the run began.
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
pg_start
psql_do() { run_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -qAt "$@"; }
psql_do -c "CREATE DATABASE orderhub" -c "CREATE DATABASE pgbench"

log "pgbench -N -c $pgbench_clients -j 2 -T $duration (scale $pgbench_scale)"
run_pg "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -i -q -s "$pgbench_scale" pgbench >"$out/pgbench-init.txt" 2>&1
run_pg "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -N -c "$pgbench_clients" -j 2 -T "$duration" pgbench \
  | tee "$out/pgbench.txt" | grep -E '^(tps|latency average)'

# --- the app, on a fresh database ------------------------------------------------------------------
app_port="$(free_port)"
api_key="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
log "starting OrderHub on 127.0.0.1:$app_port"
OrderHub__Database__Provider=Postgres \
ConnectionStrings__OrderHub="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=orderhub" \
OrderHub__Security__BootstrapAdminKey="$api_key" \
OrderHub__RateLimiting__PermitsPerSecond=1000000 \
OrderHub__RateLimiting__Burst=1000000 \
Logging__LogLevel__Default=Warning \
  dotnet "$app_dll" --urls "http://127.0.0.1:$app_port" >"$out/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 120); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$out/app.log" >&2; echo "the app exited during startup" >&2; exit 1; }
  curl -fsS "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$app_port/health/ready" >/dev/null || { echo "the app did not become ready" >&2; exit 1; }

# --- load ------------------------------------------------------------------------------------------
log "load driver"
driver_args=(--base-url "http://127.0.0.1:$app_port" --api-key "$api_key" --app-pid "$app_pid" --db-pid "$(pg_pid)"
  --clk-tck "$(getconf CLK_TCK)" --duration "$duration" --warmup "$warmup" --rmas-per-client "$rmas_per_client"
  --intake-skus "$intake_skus" --out "$out/results.json")
[ "$quick" -eq 1 ] && driver_args+=(--quick)
status=0
dotnet "$driver_dll" "${driver_args[@]}" || status=$?
run_log_lines="$(wc -l <"$out/app.log")"  # what the app logs while shutting down is not part of the run
kill -0 "$app_pid" 2>/dev/null || { echo "the app died during the run (see $out/app.log)" >&2; status=1; }
stop_app
pg_stop

# --- report ----------------------------------------------------------------------------------------
[ -f "$out/results.json" ] || { echo "the load driver wrote no results" >&2; exit 1; }
commit="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- src tools build 2>/dev/null || commit="$commit (with uncommitted changes)"
report_args=(--results "$out/results.json" --pgbench "$out/pgbench.txt" --pgbench-clients "$pgbench_clients"
  --pgbench-scale "$pgbench_scale" --commit "$commit" --postgres "$("$pg_bin/postgres" --version | awk '{print $3}')"
  --dotnet "$(dotnet --version)" --load "$load_at_start" --section "$out/benchmarks-section.md")
if [ "$quick" -eq 0 ]; then report_args+=(--doc "$root/docs/benchmarks.md"); fi
log "results"
python3 "$root/build/lib/bench_report.py" "${report_args[@]}"
# On a fresh database EF logs failed probes of the migration-history tables at startup: not a problem.
problems="$(head -n "$run_log_lines" "$out/app.log" | grep -E '"LogLevel":"(Error|Critical)"|^(fail|crit):' | grep -cv '__migrations' || true)"
echo "app log: $out/app.log ($problems error entries logged during the run)"
exit "$status"
