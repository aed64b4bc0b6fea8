#!/usr/bin/env bash
# Checks that OrderHub keeps its promises under faults: a Release build against a throwaway PostgreSQL cluster
# on loopback, seeded through the API, then four phases driven by `tools/OrderHub.LoadDriver chaos`, each with
# a hard time bound and a PASS/FAIL line with its figures (docs/chaos.md describes them):
#   app-kill    kill -9 of the app under keyed order intake (16 clients), restart on the same database, every
#               in-flight key retried until it gets its 201; then the invariants
#   db-restart  PostgreSQL stopped and started again under the same load: 503 problem documents with
#               Retry-After while it is down (no 500, no request past the timeout), recovery by itself; invariants
#   burst       thousands of keyed POST /orders at once, each unanswered key retried with the same key: the
#               process survives and there is one order per key; invariants
#   fuzz        every operation of the OpenAPI document fed missing, mistyped, huge, negative and malformed
#               input: no 5xx, every 4xx a problem document
# Invariants: every 201 is one order, no key made two; the outboxes drain and every confirmed order has its
# notification; per SKU the API's figures equal the ledger's sums and reserved equals the open order lines.
#   build/chaos.sh [--quick] [--only app-kill,db-restart,burst,fuzz] [--db-stop fast|immediate]
#     --quick    shorter load, 1,000-request burst, top-level body fields only: about 3 minutes once built
#     --only     just these phases
#     --db-stop  how PostgreSQL is stopped in db-restart: immediate (as in a crash, the default) or fast
# Exits non-zero when any phase fails. Everything it starts is stopped on exit. Figures and logs: artifacts/chaos/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/build/lib/common.sh"
. "$root/build/lib/postgres.sh"

quick=0 only="" db_stop=immediate
usage() { echo "usage: build/chaos.sh [--quick] [--only app-kill,db-restart,burst,fuzz] [--db-stop fast|immediate]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --only) [ $# -ge 2 ] || usage; only="$2"; shift ;;
    --db-stop) [ $# -ge 2 ] || usage; db_stop="$2"; shift; [[ "$db_stop" =~ ^(fast|immediate)$ ]] || usage ;;
    *) usage ;;
  esac
  shift
done
runs() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }

# SKUs the orders spread over, intake clients and seconds of load, how long a client keeps retrying one key
# (the full run waits out the 2 minutes after which an unfinished key is taken to have died with its process),
# how long the database stays down, the burst's size.
clients=16 request_timeout=15
if [ "$quick" -eq 1 ]; then
  skus=30 load=10 retry_for=30 db_down=4 burst=1000 fuzz_flags=(--quick)
else
  skus=200 load=20 retry_for=150 db_down=8 burst=2700 fuzz_flags=()
fi

out="$root/artifacts/chaos"
rm -rf "$out"
mkdir -p "$out"

# --- stop everything this script started, whatever happens -------------------------------------
app_pid="" driver_pid=""
app_alive() { [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null && [ "$(ps -o stat= -p "$app_pid" | cut -c1)" != Z ]; }
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$app_pid" 2>/dev/null || true
  fi
  [ -n "$app_pid" ] && { wait "$app_pid" 2>/dev/null || true; }
  app_pid=""
}
stop_driver() {
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill -TERM "$driver_pid" 2>/dev/null || true  # timeout passes it on to the driver
    wait "$driver_pid" 2>/dev/null || true
  fi
  driver_pid=""
}
cleanup() { stop_driver; stop_app; pg_stop; }
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }

# --- build, database ------------------------------------------------------------------------------
pg_find_or_install
log "building the app and the load driver (Release)"
dotnet build build/bench.slnf -c Release -nologo -v quiet -p:ContinuousIntegrationBuild=true
app_dll="$root/src/OrderHub.Api/bin/Release/net10.0/OrderHub.Api.dll"
driver_dll="$root/tools/OrderHub.LoadDriver/bin/Release/net10.0/OrderHub.LoadDriver.dll"

# The database crashes on purpose here: it must keep what it acknowledged (fsync and synchronous commit on).
pg_durable=1
pg_start
run_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -qAt -c "CREATE DATABASE orderhub"
db="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=orderhub"

# --- the app: always on the same database, its log appended across restarts ------------------------
app_port="$(free_port)"
api_key="chaos-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
base_url="http://127.0.0.1:$app_port"
start_app() {
  echo "--- start $(date -u +%FT%T.%3NZ)" >>"$out/app.log"
  app_launch "$app_dll" "$db" "$api_key" "$base_url" "$out/app.log"
  for _ in $(seq 240); do
    app_alive || { tail -20 "$out/app.log" >&2; echo "the app exited during startup" >&2; return 1; }
    curl -fsS -m 2 "$base_url/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "the app did not become ready within 60 s" >&2
  return 1
}
log "starting OrderHub on 127.0.0.1:$app_port"
start_app

driver() { dotnet "$driver_dll" chaos "$@" --base-url "$base_url" --api-key "$api_key" --db "$db" --skus "$skus"; }
log "seeding $skus SKUs through the API"
driver seed --out /dev/null

# Runs a phase's driver in the background under a hard time bound; the caller injects the fault meanwhile.
start_phase() { # name bound-seconds driver-args...
  local name="$1" bound="$2"; shift 2
  mkdir -p "$out/signals/$name"
  log "phase $name (at most ${bound} s)"
  timeout --kill-after=10 "$bound" dotnet "$driver_dll" chaos "$name" --base-url "$base_url" --api-key "$api_key" --db "$db" \
    --skus "$skus" --signal-dir "$out/signals/$name" --out "$out/$name.json" "$@" >"$out/$name.log" 2>&1 &
  driver_pid=$!
}
# Waits for the phase; a driver that ran out of time or crashed leaves a failed verdict of its own.
finish_phase() { # name
  local name="$1"
  wait "$driver_pid" || true
  driver_pid=""
  cat "$out/$name.log"
  if [ ! -s "$out/$name.json" ]; then
    python3 -c 'import json,sys; json.dump({"phase":sys.argv[1],"passed":False,"figures":[],"failures":["the phase did not finish within its time bound (or its driver crashed): see "+sys.argv[2]]},open(sys.argv[3],"w"))' \
      "$name" "$out/$name.log" "$out/$name.json"
  fi
  if ! app_alive; then
    log "the app is not running after $name: restarting it"
    python3 -c 'import json,sys; p=sys.argv[1]; d=json.load(open(p)); d["passed"]=False; d["failures"].append("the app process was dead after the phase"); json.dump(d,open(p,"w"))' "$out/$name.json"
    stop_app
    start_app
  fi
}

# --- phase 1: kill -9 under intake ----------------------------------------------------------------
if runs app-kill; then
  start_phase app-kill "$((load + retry_for + 150))" --clients "$clients" --duration "$load" --retry-for "$retry_for" --request-timeout "$request_timeout"
  sleep "$((load / 2))"
  now_ms >"$out/signals/app-kill/fault-start"
  kill -KILL "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  log "killed the app (kill -9); restarting it on the same database"
  start_app
  now_ms >"$out/signals/app-kill/fault-end"
  finish_phase app-kill
fi

# --- phase 2: PostgreSQL restarted under load -----------------------------------------------------
if runs db-restart; then
  start_phase db-restart "$((load + retry_for + 150))" --clients "$clients" --duration "$load" --retry-for "$retry_for" --request-timeout "$request_timeout"
  sleep "$((load / 3))"
  now_ms >"$out/signals/db-restart/fault-start"
  pg_halt "$db_stop"
  log "PostgreSQL stopped ($db_stop); starting it again in $db_down s"
  sleep "$db_down"
  pg_resume
  now_ms >"$out/signals/db-restart/fault-end"
  finish_phase db-restart
fi

# --- phase 3: burst -------------------------------------------------------------------------------
if runs burst; then
  start_phase burst "$((retry_for + 300))" --requests "$burst" --retry-for "$retry_for" --request-timeout 60
  # Should the process die, note it and bring it back, so the retries can still settle every key.
  while kill -0 "$driver_pid" 2>/dev/null; do
    if ! app_alive; then
      touch "$out/signals/burst/app-died"
      log "the app died during the burst: restarting it"
      stop_app
      start_app || true
    fi
    sleep 0.5
  done
  finish_phase burst
fi

# --- phase 4: fuzz --------------------------------------------------------------------------------
if runs fuzz; then
  start_phase fuzz 600 --request-timeout 60 "${fuzz_flags[@]}"
  finish_phase fuzz
fi

# --- report ---------------------------------------------------------------------------------------
run_log_lines="$(wc -l <"$out/app.log")"
stop_app
pg_stop
commit="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- src tools build 2>/dev/null || commit="$commit (with uncommitted changes)"
log "summary (commit $commit)"
status=0
python3 "$root/build/lib/chaos_report.py" --commit "$commit" --quick "$quick" --out "$out/summary.md" "$out"/{app-kill,db-restart,burst,fuzz}.json || status=1
errors="$(head -n "$run_log_lines" "$out/app.log" | grep -E '"LogLevel":"(Error|Critical)"|^(fail|crit):' | grep -cv '__migrations' || true)"
echo "app log: $out/app.log ($errors error entries); phase logs and verdicts: $out/"
exit "$status"
