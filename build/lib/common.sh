# Helpers the build scripts share: progress lines, root-or-sudo, apt installs, quiet dotnet, starting the app. Source it, don't run it.

log() { printf '\n==> [%ss] %s\n' "$SECONDS" "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  log "installing $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Starts the Release build of OrderHub in the background on PostgreSQL and sets app_pid; the log is appended to.
# The rate limit is lifted: the benchmark and chaos scripts measure the app, not the limiter.
#   app_launch DLL CONNECTION-STRING API-KEY URL LOG [NAME=VALUE...]
app_launch() {
  local dll="$1" connection="$2" key="$3" url="$4" logfile="$5"
  shift 5
  env OrderHub__Database__Provider=Postgres \
    ConnectionStrings__OrderHub="$connection" \
    OrderHub__Security__BootstrapAdminKey="$key" \
    OrderHub__RateLimiting__PermitsPerSecond=1000000 \
    OrderHub__RateLimiting__Burst=1000000 \
    Logging__LogLevel__Default=Warning \
    "$@" dotnet "$dll" --urls "$url" >>"$logfile" 2>&1 &
  app_pid=$!
}
