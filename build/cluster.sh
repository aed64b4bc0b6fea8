#!/usr/bin/env bash
# Runs N OrderHub nodes (default 3) on one throwaway PostgreSQL database behind HAProxy, all on loopback ports:
# the production shape (README, "Running several nodes") on one machine. Prints the URL and the admin key, and
# stops everything on Ctrl-C. Installs haproxy and postgresql with apt when missing.
#   build/cluster.sh [N] [--port PORT]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/build/lib/common.sh"
. "$root/build/lib/postgres.sh"
. "$root/build/lib/cluster.sh"

nodes=3 port=""
usage() { echo "usage: build/cluster.sh [N] [--port PORT]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --port) [ $# -ge 2 ] || usage; port="$2"; shift ;;
    [0-9]*) nodes="$1" ;;
    *) usage ;;
  esac
  shift
done
[ "$nodes" -ge 1 ] || usage

cleanup() { cluster_stop; pg_stop; }
trap cleanup EXIT
trap 'exit 130' INT TERM

haproxy_find_or_install
pg_find_or_install

log "building OrderHub (Release)"
# The same properties as build/test.sh and build/bench.sh, so the scripts reuse each other's build.
dotnet build src/OrderHub.Api/OrderHub.Api.csproj -c Release -nologo -v quiet -p:ContinuousIntegrationBuild=true
app_dll="$root/src/OrderHub.Api/bin/Release/net10.0/OrderHub.Api.dll"
logs="$root/artifacts/cluster"
rm -rf "$logs"

pg_start
run_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -qAt -c "CREATE DATABASE orderhub"
connection="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=orderhub"
api_key="cluster-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"

log "starting $nodes node(s)"
nodes_start "$nodes" "$app_dll" "$connection" "$api_key" "$logs"
haproxy_start "$port" "$logs"

cat <<INFO

OrderHub: $nodes node(s) behind HAProxy (round robin, health-checked on /health/ready)
  URL        http://127.0.0.1:$lb_port   (Swagger UI: http://127.0.0.1:$lb_port/swagger)
  admin key  $api_key   (send it as X-Api-Key)
  nodes      $(for p in "${node_ports[@]}"; do printf 'http://127.0.0.1:%s ' "$p"; done)
  database   $connection
  logs       $logs
Ctrl-C stops everything.
INFO

# Report a node that dies, keep serving with the others (HAProxy takes it out of the rotation).
declare -A reported=()
while true; do
  for i in "${!node_pids[@]}"; do
    if [ -z "${reported[$i]:-}" ] && ! kill -0 "${node_pids[$i]}" 2>/dev/null; then
      echo "node $((i + 1)) (pid ${node_pids[$i]}) exited; see $logs/node-$((i + 1)).log" >&2
      reported[$i]=1
    fi
  done
  kill -0 "$haproxy_pid" 2>/dev/null || { echo "haproxy exited; see $logs/haproxy.log" >&2; exit 1; }
  sleep 1
done
