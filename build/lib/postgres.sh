# A throwaway PostgreSQL cluster on a free loopback port, for tests and benchmarks. Source it after
# common.sh, then:
#   pg_find_or_install    sets pg_bin (installs the Debian postgresql package when missing)
#   pg_start              sets pg_dir, pg_port, pg_user and starts the cluster (trust auth, no fsync;
#                         with pg_durable=1 set before, fsync and synchronous commit stay on, as in production)
#   pg_stop               stops it and removes its directory (safe to call twice; use it in a trap)
#   pg_halt MODE          stops it but keeps it (MODE fast: sessions closed; immediate: as in a crash)
#   pg_resume             starts it again after pg_halt, on the same port and data
#   run_pg CMD...         runs a command as the cluster's owner

pg_find_or_install() {
  pg_bin=""
  local candidate
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ]; then pg_bin="$candidate"; break; fi
  done
  if [ -z "$pg_bin" ]; then
    apt_install postgresql
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

run_pg() { "$@"; }

pg_start() {
  pg_dir="$(mktemp -d /tmp/orderhub-pg.XXXXXX)"
  pg_user="$(id -un)"
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the postgres system user.
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$pg_dir" --shell /usr/sbin/nologin postgres
    chown postgres "$pg_dir"
    pg_user=postgres
    run_pg() { runuser -u postgres -- "$@"; }
  fi
  pg_port="$(free_port)"
  log "starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$pg_port"
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" -A trust -E UTF8 --no-sync >/dev/null
  pg_resume
}

# pg_options: further server settings for a diagnosis, e.g. pg_options="-c shared_preload_libraries=pg_stat_statements".
pg_resume() {
  # Tests and benchmarks need no durability; a crash test does: a commit acknowledged without its WAL on disk is
  # lost when the server crashes, which is PostgreSQL doing what it was told, not a fault of the app.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${pg_durable:-0}" = 1 ] && durability=""
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=400 $durability ${pg_options:-}" \
    start >/dev/null
}

pg_halt() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m "$1" -w -t 60 stop >/dev/null; }

# The postmaster's process id (first line of postmaster.pid).
pg_pid() { head -1 "$pg_dir/data/postmaster.pid"; }

pg_stop() {
  [ -n "${pg_dir:-}" ] || return 0
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
  pg_dir=""
}
