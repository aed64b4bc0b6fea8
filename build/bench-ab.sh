#!/usr/bin/env bash
# Compares this checkout with another commit side by side: both builds run at the same time on one throwaway
# PostgreSQL cluster (a database each), and two load drivers drive them with the same scenarios in the same seconds.
# On a shared machine whose speed drifts between runs, this is fairer than two runs one after the other: both
# builds see the same host. Prints each build's figures and the ratios; nothing is added to docs/benchmarks.md.
#   build/bench-ab.sh REF [--only intake,hot,returns] [--duration S] [--warmup S]
#     REF         a commit, branch or tag to compare with (checked out into artifacts/bench-ab/ref as a worktree)
#     --only      the scenarios, as for build/bench.sh (default intake,hot); analytics is not offered here
#     --duration  seconds per timed scenario (default 20); --warmup seconds before each (default 10, so that the
#                 runtime's tier-up, which goes on for about ten seconds of order intake, is mostly over)
# The two apps share the two cores, so each gets about half: compare app CPU ms per request and the ratios, not
# the absolute rates with those of build/bench.sh.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/build/lib/common.sh"
. "$root/build/lib/postgres.sh"

usage() { echo "usage: build/bench-ab.sh REF [--only intake,hot,returns] [--duration S] [--warmup S]" >&2; exit 2; }
[ $# -ge 1 ] || usage
ref="$1"; shift
only="intake,hot" duration=20 warmup=10
while [ $# -gt 0 ]; do
  case "$1" in
    --only) [ $# -ge 2 ] || usage; only="$2"; shift ;;
    --duration) [ $# -ge 2 ] || usage; duration="$2"; shift ;;
    --warmup) [ $# -ge 2 ] || usage; warmup="$2"; shift ;;
    *) usage ;;
  esac
  shift
done
case ",$only," in *,analytics,*) echo "analytics is not compared here; use build/bench.sh --only analytics" >&2; exit 2 ;; esac

out="$root/artifacts/bench-ab"
worktree="$out/ref"
mkdir -p "$out"
git rev-parse --verify --quiet "$ref^{commit}" >/dev/null || { echo "unknown commit: $ref" >&2; exit 2; }

app_pids=() driver_pids=()
cleanup() {
  for pid in "${driver_pids[@]}" "${app_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  pg_stop
  git -C "$root" worktree remove --force "$worktree" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- both builds ----------------------------------------------------------------------------------
pg_find_or_install
git -C "$root" worktree remove --force "$worktree" >/dev/null 2>&1 || true
git -C "$root" worktree add --detach "$worktree" "$ref" >/dev/null
labels=("$(git rev-parse --short HEAD)" "$(git rev-parse --short "$ref")")
git diff --quiet HEAD -- src tools build 2>/dev/null || labels[0]="${labels[0]} (with uncommitted changes)"
trees=("$root" "$worktree")
for tree in "${trees[@]}"; do
  log "building $tree (Release)"
  (cd "$tree" && dotnet build build/bench.slnf -c Release -nologo -v quiet -p:ContinuousIntegrationBuild=true)
done

# --- one cluster, a database and an app per build -------------------------------------------------------
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
pg_start
psql_do() { run_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -qAt "$@"; }
api_key="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
ports=()
for i in 0 1; do
  psql_do -c "CREATE DATABASE orderhub_$i"
  ports[i]="$(free_port)"
  : >"$out/app-$i.log"
  log "starting ${labels[i]} on 127.0.0.1:${ports[i]}"
  app_launch "${trees[i]}/src/OrderHub.Api/bin/Release/net10.0/OrderHub.Api.dll" \
    "Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=orderhub_$i" "$api_key" "http://127.0.0.1:${ports[i]}" "$out/app-$i.log"
  app_pids[i]="$app_pid"
done
for i in 0 1; do
  for _ in $(seq 120); do
    kill -0 "${app_pids[i]}" 2>/dev/null || { cat "$out/app-$i.log" >&2; echo "${labels[i]} exited during startup" >&2; exit 1; }
    curl -fsS "http://127.0.0.1:${ports[i]}/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
done

# --- the same load on both, at the same time ------------------------------------------------------------
log "load drivers: $only, $duration s each after $warmup s (load average at start $load_at_start)"
# This checkout's driver measures both builds: the same instrument for each (the HTTP contract is the same).
for i in 0 1; do
  dotnet "$root/tools/OrderHub.LoadDriver/bin/Release/net10.0/OrderHub.LoadDriver.dll" \
    --base-url "http://127.0.0.1:${ports[i]}" --api-key "$api_key" --app-pid "${app_pids[i]}" --db-pid "$(pg_pid)" \
    --clk-tck "$(getconf CLK_TCK)" --duration "$duration" --warmup "$warmup" --rmas-per-client 30 --intake-skus 30 \
    --only "$only" --out "$out/results-$i.json" --db "Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=orderhub_$i" \
    >"$out/driver-$i.txt" 2>&1 &
  driver_pids[i]=$!
done
status=0
for i in 0 1; do wait "${driver_pids[i]}" || { status=1; echo "the load driver of ${labels[i]} failed (see $out/driver-$i.txt)" >&2; }; done
for i in 0 1; do kill -0 "${app_pids[i]}" 2>/dev/null || { status=1; echo "${labels[i]} died during the run (see $out/app-$i.log)" >&2; }; done
[ "$status" -eq 0 ] || exit "$status"

# --- report --------------------------------------------------------------------------------------------
log "results"
python3 - "$out" "${labels[0]}" "${labels[1]}" <<'PY' | tee "$out/comparison.md"
import json, pathlib, sys
out, labels = pathlib.Path(sys.argv[1]), sys.argv[2:4]
runs = [json.loads((out / f"results-{i}.json").read_text()) for i in (0, 1)]
print(f"Side by side on one PostgreSQL: {labels[0]} (this checkout) against {labels[1]}; each app had about half of the machine.\n")
print("| scenario | build | req/s | p50 ms | p99 ms | errors | app CPU | app CPU ms/req | events pending at end | app CPU ms/req with its events |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
figures = {}
for label, run in zip(labels, runs):
    for s in run["scenarios"]:
        t, r = s["total"], s["resources"]
        rate = t["requestsPerSecond"]
        per = r["appCpuPercent"] * 10 / rate if rate else 0.0
        # The app's CPU until the scenario's events were delivered: the fair figure when one build leaves more of
        # its delivery after the timed window than the other.
        d = s.get("delivered")
        with_events = d["appCpuMsPerRequest"] if d else None
        pending = (s.get("events") or {}).get("pendingAtEnd", 0)
        figures.setdefault(s["name"], []).append((rate, t["p99"], per, with_events))
        print(f"| {s['name']} | {label} | {rate:.1f} | {t['p50']:.1f} | {t['p99']:.1f} | {t['errors']} | {r['appCpuPercent']:.0f}% | {per:.2f} | {pending:,} | "
              + (f"{with_events:.2f} |" if with_events is not None else "— |"))
print()
for name, pair in figures.items():
    if len(pair) == 2 and all(p[0] and p[2] for p in pair):
        (rate0, p990, per0, with0), (rate1, p991, per1, with1) = pair
        delivered = f", {with0 / with1:.2f} × the app CPU per request with its events delivered" if with0 and with1 else ""
        print(f"{name}: {rate0 / rate1:.2f} × the requests per second, {per0 / per1:.2f} × the app CPU per request{delivered}, {p990 / p991:.2f} × the p99 of {labels[1]}")
PY
