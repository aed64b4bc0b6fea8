#!/usr/bin/env bash
# EF Core migrations of every module, per provider (ADR 0031), through the repository's tool manifest.
#
#   build/ef.sh add NAME [MODULE...]     a new migration generated for each provider (Migrations/Sqlite,
#                                         Migrations/Postgres, Migrations/SqlServer): the normal way from now on
#   build/ef.sh sync NAME [MODULE...]    after merging hand-written migrations (in Migrations/, shared by SQLite
#                                         and PostgreSQL): refresh the SQLite and PostgreSQL snapshots, and generate
#                                         the same change for SQL Server as migration NAME
#   build/ef.sh script MODULE PROVIDER    the DDL of every migration of MODULE for PROVIDER, printed (no connection)
#   build/ef.sh list MODULE PROVIDER      the migrations of MODULE that PROVIDER applies
#
# MODULE is Orders, Inventory, Warehouse, Returns, Notifications, Platform or Analytics (default: all of them).
# PROVIDER is Sqlite, Postgres or SqlServer. Nothing here connects to a database.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/build/lib/common.sh"

all_modules=(Orders Inventory Warehouse Returns Notifications Platform Analytics)
providers=(Sqlite Postgres SqlServer)
startup=tools/OrderHub.DesignTime/OrderHub.DesignTime.csproj

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

prepare() {
  dotnet tool restore >/dev/null
  log "building the design-time project"
  dotnet build "$startup" -c Debug -nologo -v quiet
}

ef() { # provider module args...
  local provider="$1" module="$2"; shift 2
  ORDERHUB_EF_PROVIDER="$provider" dotnet ef "$@" \
    --project "src/Modules/$module/OrderHub.$module/OrderHub.$module.csproj" \
    --startup-project "$startup" --context "${module}DbContext" --configuration Debug --no-build
}

# The newest migration id of a module for a provider (shared hand-written ones count for SQLite and PostgreSQL).
last_id() { # provider module
  local provider="$1" module="$2" dirs=("src/Modules/$2/OrderHub.$2/Migrations/$1")
  [ "$provider" = SqlServer ] || dirs+=("src/Modules/$module/OrderHub.$module/Migrations")
  find "${dirs[@]}" -maxdepth 1 -name '[0-9]*_*.cs' ! -name '*.Designer.cs' 2>/dev/null \
    | sed 's#.*/\([0-9]\{14\}\)_.*#\1#' | sort | tail -1
}

# A module's three snapshots are told apart by class and file name (ModuleDbContextProviderModelSnapshot), so that
# EF, which looks an existing snapshot's file up by name, rewrites the right one. A first snapshot comes out under
# EF's default name and in a folder named after its namespace: it is renamed and moved into Migrations/PROVIDER.
place_snapshot() { # provider module
  local provider="$1" module="$2" project="src/Modules/$2/OrderHub.$2"
  local default="${module}DbContextModelSnapshot" named="${module}DbContext${provider}ModelSnapshot" found
  found="$(find "$project" -name "$default.cs" -not -path '*/obj/*' -not -path '*/bin/*' | head -1)"
  [ -n "$found" ] || return 0
  sed -i "s/class $default /class $named /" "$found"
  mkdir -p "$project/Migrations/$provider"
  mv "$found" "$project/Migrations/$provider/$named.cs"
  rmdir -p --ignore-fail-on-non-empty "$(dirname "$found")"
}

# EF names a migration after the clock; hand-written ids may lie ahead of it. A generated migration must sort after
# every migration it builds on, so its id is moved past the newest one when the clock is behind.
add_migration() { # provider module name
  local provider="$1" module="$2" name="$3" dir="src/Modules/$2/OrderHub.$2/Migrations/$1"
  local before; before="$(last_id "$provider" "$module")"
  ef "$provider" "$module" migrations add "$name" --output-dir "Migrations/$provider" \
    --namespace "OrderHub.$module.Migrations.$provider" >/dev/null
  place_snapshot "$provider" "$module"
  local file; file="$(ls "$dir"/[0-9]*_"$name".cs | grep -v Designer | tail -1)"
  local id; id="$(basename "$file" .cs)"; id="${id%%_*}"
  if [ -n "$before" ] && [[ ! "$id" > "$before" ]]; then
    local next; next="$(date -u -d "$(echo "$before" | sed -E 's/(....)(..)(..)(..)(..)(..)/\1-\2-\3 \4:\5:\6/') UTC + 1 minute" +%Y%m%d%H%M%S)"
    for f in "$dir/${id}_$name.cs" "$dir/${id}_$name.Designer.cs"; do
      sed -i "s/\"${id}_$name\"/\"${next}_$name\"/" "$f"
      mv "$f" "${f/${id}_/${next}_}"
    done
    id="$next"
  fi
  printf '%s\n' "$dir/${id}_$name.cs"
}

cmd="${1:-}"; [ -n "$cmd" ] || usage; shift
case "$cmd" in
  add|sync)
    name="${1:-}"; [ -n "$name" ] || usage; shift
    modules=("$@"); [ ${#modules[@]} -gt 0 ] || modules=("${all_modules[@]}")
    prepare
    for module in "${modules[@]}"; do
      for provider in "${providers[@]}"; do
        if [ "$cmd" = sync ] && [ "$provider" != SqlServer ]; then
          # Only the snapshot is wanted: the change itself is in the hand-written migration, whose name EF would
          # refuse to give a second migration of the same context, so the throwaway one is named apart.
          file="$(add_migration "$provider" "$module" "${name}Snapshot")"
          rm -f "$file" "${file%.cs}.Designer.cs"
          log "$module/$provider: snapshot refreshed"
        else
          log "$module/$provider: $(add_migration "$provider" "$module" "$name")"
        fi
      done
    done
    log "check: dotnet test tests/OrderHub.Persistence.Tests -c Release (no pending model changes, T-SQL parses)"
    ;;
  script)
    [ $# -eq 2 ] || usage
    prepare
    ef "$2" "$1" migrations script
    ;;
  list)
    [ $# -eq 2 ] || usage
    prepare
    ef "$2" "$1" migrations list --no-connect
    ;;
  *) usage ;;
esac
