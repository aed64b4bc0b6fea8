#!/usr/bin/env bash
# Remakes main-a3dbf32.sqlite.sql.gz and main-a3dbf32.postgres.sql.gz: the databases that OrderHub as of commit a3dbf32
# (hand-written migrations only) creates on SQLite and on PostgreSQL, with the demo shop seeded, dumped as SQL.
# The app itself migrates and seeds them; nothing of this branch's code is involved. Key material (the data
# protection key ring, the link signing key) is left out: the upgraded app makes its own.
#   tests/OrderHub.IntegrationTests/Platform/Upgrade/make-main-dumps.sh [COMMIT]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
commit="${1:-a3dbf32}"
. "$root/build/lib/common.sh"
. "$root/build/lib/postgres.sh"

work="$(mktemp -d /tmp/orderhub-main.XXXXXX)"
app_pid=""
cleanup() { [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true; pg_stop; rm -rf "$work"; }
trap cleanup EXIT

# MAIN_SOURCE: a tree already unpacked from COMMIT (git archive) and built in Release, to skip the build.
src="${MAIN_SOURCE:-$work/src-$commit}"
if [ -z "${MAIN_SOURCE:-}" ]; then
  log "building OrderHub as of $commit"
  mkdir -p "$src"
  git -C "$root" archive "$commit" | tar -x -C "$src"
  dotnet build "$src/src/OrderHub.Api/OrderHub.Api.csproj" -c Release -nologo -v quiet >/dev/null
fi
dll="$src/src/OrderHub.Api/bin/Release/net10.0/OrderHub.Api.dll"

# Outbox messages still waiting for delivery, over every module's outbox.
pending_sqlite() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%outbox_messages'")]
print(sum(db.execute(f'SELECT count(*) FROM "{t}" WHERE status = ?', ("Pending",)).fetchone()[0] for t in tables))
PY
}
pending_postgres() {
  local psql=(run_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d orderhub -qAt) schemas query
  schemas="$("${psql[@]}" -c "SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox_messages'")"
  query="$(for s in $schemas; do echo "SELECT count(*) AS n FROM \"$s\".outbox_messages WHERE status = 'Pending'"; done | sed '2,$s/^/UNION ALL /')"
  "${psql[@]}" -c "SELECT coalesce(sum(n), 0) FROM ($query) AS pending"
}

run_until_ready() { # provider connection-string pending-count-command...
  local port; port="$(free_port)"
  env OrderHub__Database__Provider="$1" ConnectionStrings__OrderHub="$2" \
    OrderHub__Security__BootstrapAdminKey=make-main-dumps-0123456789 Logging__LogLevel__Default=Warning \
    dotnet "$dll" --urls "http://127.0.0.1:$port" --seed-demo >"$work/app-$1.log" 2>&1 &
  app_pid=$!
  local deadline=$((SECONDS + 300))
  until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { cat "$work/app-$1.log" >&2; echo "the app was not ready after 300 s" >&2; exit 1; }
    sleep 0.5
  done
  # The demo seed runs after the migrations, before the app reports ready; wait until its events are delivered.
  deadline=$((SECONDS + 120))
  until [ "$("${@:3}")" = 0 ]; do
    [ "$SECONDS" -lt "$deadline" ] || { cat "$work/app-$1.log" >&2; echo "outbox messages still pending after 120 s" >&2; exit 1; }
    sleep 0.5
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

log "SQLite"
run_until_ready Sqlite "Data Source=$work/orderhub.db" pending_sqlite "$work/orderhub.db"
python3 - "$work/orderhub.db" "$here/main-a3dbf32.sqlite.sql" "$commit" <<'PY'
import sqlite3, sys
db, out, commit = sys.argv[1:]
skip = ('INSERT INTO "platform_data_protection_keys"', 'INSERT INTO "notifications_signing_keys"')
with open(out, "w") as f:
    f.write(f"-- OrderHub as of {commit} on SQLite, demo shop seeded; made by make-main-dumps.sh\n")
    for line in sqlite3.connect(db).iterdump():
        if not line.startswith(skip):
            f.write(line + "\n")
PY

log "PostgreSQL"
pg_find_or_install
pg_start
run_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" orderhub
run_until_ready Postgres "Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=orderhub" pending_postgres
{
  echo "-- OrderHub as of $commit on PostgreSQL, demo shop seeded; made by make-main-dumps.sh"
  run_pg "$pg_bin/pg_dump" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" --inserts --no-owner --no-privileges --no-comments orderhub \
    | grep -v -E '^\\|^INSERT INTO (platform\.data_protection_keys|notifications\.signing_keys) '
} >"$here/main-a3dbf32.postgres.sql"
gzip -9nf "$here/main-a3dbf32.sqlite.sql" "$here/main-a3dbf32.postgres.sql"
ls -la "$here"/main-a3dbf32.*.sql.gz
