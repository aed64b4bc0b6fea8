#!/usr/bin/env bash
# Runs every OrderHub test: unit and architecture tests once, integration tests on SQLite and on a
# throwaway PostgreSQL cluster this script starts on a free loopback port and stops again.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  log "installing $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# --- tools the tests use ----------------------------------------------------------------------
pg_bin=""
for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ]; then pg_bin="$candidate"; break; fi
done
if [ -z "$pg_bin" ]; then
  apt_install postgresql
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
for tool in pdftotext:poppler-utils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || apt_install "${tool##*:}"
done
# The notification tests start Debian's aiosmtpd as a real SMTP server (with the system Python, not pyenv's).
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || apt_install python3-aiosmtpd

# --- throwaway PostgreSQL cluster -------------------------------------------------------------
pg_dir="$(mktemp -d /tmp/orderhub-pg.XXXXXX)"
pg_user="$(id -un)"
run_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$pg_dir" --shell /usr/sbin/nologin postgres
  chown postgres "$pg_dir"
  pg_user=postgres
  run_pg() { runuser -u postgres -- "$@"; }
fi
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"

stop_pg() {
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

log "starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$pg_port"
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" -A trust -E UTF8 --no-sync >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
export ORDERHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres;Pooling=true;Maximum Pool Size=50;Timeout=30;Command Timeout=120"

# --- build once, then test ---------------------------------------------------------------------
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

log "building (warnings are errors)"
dotnet build OrderHub.sln -c Release -nologo -v quiet -p:ContinuousIntegrationBuild=true

status=0
summary=()
run_tests() { # name project [env...]
  local name="$1" project="$2"; shift 2
  log "testing $name"
  if env "$@" dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true; then
    :
  else
    status=1
  fi
  summary+=("$name")
}

for project in tests/*.Tests/*.csproj tests/OrderHub.ArchitectureTests/*.csproj; do
  [ -f "$project" ] || continue
  run_tests "$(basename "$project" .csproj)" "$project"
done
run_tests "integration-sqlite" tests/OrderHub.IntegrationTests/OrderHub.IntegrationTests.csproj ORDERHUB_TEST_PROVIDER=Sqlite
run_tests "integration-postgres" tests/OrderHub.IntegrationTests/OrderHub.IntegrationTests.csproj ORDERHUB_TEST_PROVIDER=Postgres

# --- report ------------------------------------------------------------------------------------
log "summary"
python3 - "$results" "${summary[@]}" <<'PY'
import sys, xml.etree.ElementTree as ET, pathlib
results = pathlib.Path(sys.argv[1]); total = {"passed": 0, "failed": 0, "skipped": 0}
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for name in sys.argv[2:]:
    path = results / f"{name}.trx"
    if not path.exists():
        print(f"{name:32} no results (build or host failure)"); total["failed"] += 1; continue
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns).attrib
    passed, failed = int(c["passed"]), int(c["failed"]) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped = int(c["total"]) - int(c["executed"]) + int(c.get("notExecuted", 0))
    print(f"{name:32} {int(c['total']):5} tests: {passed} passed, {failed} failed, {skipped} skipped")
    total["passed"] += passed; total["failed"] += failed; total["skipped"] += skipped
print(f"{total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped")
PY
exit $status
