#!/usr/bin/env bash
# Runs every OrderHub test: unit and architecture tests once, integration tests on SQLite and on a
# throwaway PostgreSQL cluster this script starts on a free loopback port and stops again.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/build/lib/common.sh"
. "$root/build/lib/postgres.sh"

# --- tools the tests use ----------------------------------------------------------------------
pg_find_or_install
for tool in pdftotext:poppler-utils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || apt_install "${tool##*:}"
done
command -v python3 >/dev/null 2>&1 || apt_install python3
# The notification tests start Debian's aiosmtpd as a real SMTP server (with the system Python, not pyenv's).
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || apt_install python3-aiosmtpd
# The browser tests drive Debian's chromium; Playwright never downloads a browser of its own.
[ -x /usr/bin/chromium ] || apt_install chromium

# --- throwaway PostgreSQL cluster -------------------------------------------------------------
trap pg_stop EXIT
pg_start
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
  # The browser tests start the app and a browser: they run once, below, with what they need.
  [ "$(basename "$project")" = OrderHub.BrowserTests.csproj ] && continue
  run_tests "$(basename "$project" .csproj)" "$project"
done
run_tests "integration-sqlite" tests/OrderHub.IntegrationTests/OrderHub.IntegrationTests.csproj ORDERHUB_TEST_PROVIDER=Sqlite
run_tests "integration-postgres" tests/OrderHub.IntegrationTests/OrderHub.IntegrationTests.csproj ORDERHUB_TEST_PROVIDER=Postgres
run_tests "browser" tests/OrderHub.BrowserTests/OrderHub.BrowserTests.csproj ORDERHUB_TEST_PROVIDER=Sqlite PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

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
