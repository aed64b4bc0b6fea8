# Several OrderHub nodes on one PostgreSQL database behind HAProxy, on loopback ports. Source it after common.sh
# and postgres.sh, then:
#   haproxy_find_or_install                      installs Debian's haproxy package when missing
#   nodes_start N DLL CONNECTION KEY LOGDIR [VAR=VALUE...]
#                                                starts N nodes (sets node_pids, node_ports) and waits until each
#                                                answers /health/ready; extra VAR=VALUE pairs go to every node
#   haproxy_start PORT LOGDIR                    round robin over the nodes, health-checked on /health/ready
#                                                (sets haproxy_pid); PORT empty picks a free one (sets lb_port)
#   cluster_stop                                 stops HAProxy and the nodes (safe to call twice; use it in a trap)

node_pids=() node_ports=() haproxy_pid="" lb_port=""

haproxy_find_or_install() { command -v haproxy >/dev/null 2>&1 || apt_install haproxy; }

nodes_start() { # count dll connection-string api-key log-dir [VAR=VALUE...]
  local count="$1" dll="$2" connection="$3" key="$4" logs="$5" i port
  shift 5
  mkdir -p "$logs"
  # All at once, as a rolling deployment or an autoscaler would: they race for the migration lock on an empty
  # database, and each must still come up.
  for i in $(seq 1 "$count"); do
    port="$(free_port)"
    env OrderHub__Database__Provider=Postgres \
        ConnectionStrings__OrderHub="$connection" \
        OrderHub__Security__BootstrapAdminKey="$key" \
        Logging__LogLevel__Default=Warning \
        "$@" \
        dotnet "$dll" --urls "http://127.0.0.1:$port" >"$logs/node-$i.log" 2>&1 &
    node_pids+=("$!")
    node_ports+=("$port")
  done
  for i in "${!node_pids[@]}"; do
    local ready=0
    for _ in $(seq 240); do
      kill -0 "${node_pids[$i]}" 2>/dev/null || { tail -20 "$logs/node-$((i + 1)).log" >&2; echo "node $((i + 1)) exited during startup" >&2; return 1; }
      if curl -fsS "http://127.0.0.1:${node_ports[$i]}/health/ready" >/dev/null 2>&1; then ready=1; break; fi
      sleep 0.5
    done
    [ "$ready" -eq 1 ] || { echo "node $((i + 1)) did not become ready (see $logs/node-$((i + 1)).log)" >&2; return 1; }
  done
}

haproxy_start() { # port log-dir
  lb_port="${1:-$(free_port)}"
  local logs="$2" i
  mkdir -p "$logs"
  {
    cat <<CFG
global
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # Only a request that never reached a node is sent to another one: a POST that did may have been applied.
    retries 2
    retry-on conn-failure
    option redispatch

frontend orderhub
    bind 127.0.0.1:$lb_port
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server check inter 2s fall 2 rise 1
CFG
    for i in "${!node_ports[@]}"; do
      echo "    server node$((i + 1)) 127.0.0.1:${node_ports[$i]}"
    done
  } >"$logs/haproxy.cfg"
  haproxy -db -f "$logs/haproxy.cfg" >"$logs/haproxy.log" 2>&1 &
  haproxy_pid=$!
  for _ in $(seq 40); do
    kill -0 "$haproxy_pid" 2>/dev/null || { cat "$logs/haproxy.log" >&2; echo "haproxy exited during startup" >&2; return 1; }
    curl -fsS "http://127.0.0.1:$lb_port/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "haproxy did not answer on 127.0.0.1:$lb_port" >&2
  return 1
}

cluster_stop() {
  local pid
  if [ -n "$haproxy_pid" ]; then
    kill -TERM "$haproxy_pid" 2>/dev/null || true
    wait "$haproxy_pid" 2>/dev/null || true
    haproxy_pid=""
  fi
  for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  node_pids=() node_ports=()
}
