# shellcheck shell=bash
# Starts a private PostgreSQL cluster from the machine's PostgreSQL binaries (installing them from
# Debian when missing). Sourced by scripts/up and scripts/test.
#
#   pg_private_start NAME PORT   -> starts (or reuses) the cluster, exports PG_ADMIN_URL
#   pg_private_stop NAME

pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_ensure_binaries() {
  if [ -n "$(pg_bin_dir)" ] && [ -x "$(pg_bin_dir)/initdb" ]; then return 0; fi
  echo "PostgreSQL binaries not found: installing them from Debian (postgresql)…" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "installing PostgreSQL needs root: run 'apt-get install postgresql' as root" >&2; return 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# PostgreSQL refuses to run as root: as root, run the cluster as the 'postgres' system user.
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The data folder: inside the repo's ignored .data/ when the cluster user can reach it, else in /tmp.
pg_data_dir() {
  local name=$1 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  # Clusters live in .data/pg/: only that folder is handed to the cluster user, not .data (which
  # also holds the token keys).
  local dir="$root/.data/pg/$name"
  mkdir -p "$root/.data/pg"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$root/.data/pg" 2>/dev/null; then
    dir="/tmp/safety-platform-$(printf '%s' "$root" | md5sum | cut -c1-8)/$name"
  fi
  echo "$dir"
}

pg_private_start() {
  local name=$1 port=$2 bin dir
  pg_ensure_binaries
  bin=$(pg_bin_dir)
  dir=$(pg_data_dir "$name")
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir" "$(dirname "$dir")" 2>/dev/null
  chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    pg_run "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
      || { cat "$dir.initdb.log" >&2; return 1; }
  fi
  if pg_run "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    # Already running (from an earlier run): use the port it listens on.
    port=$(sed -n '4p' "$dir/postmaster.pid")
  else
    # Another server (another checkout's cluster, say) may hold the port: take the next free one.
    while pg_port_busy "$port"; do port=$((port + 1)); done
    local extra=""
    # The test cluster: no durability (it is thrown away), and pg_stat_statements, with which a
    # test counts the statements of a request.
    [ "$name" = "postgres-test" ] && extra="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_preload_libraries=pg_stat_statements"
    pg_run "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 $extra" start >/dev/null \
      || { tail -n 20 "$dir/server.log" >&2; return 1; }
  fi
  export PG_PRIVATE_PORT=$port
  export PG_ADMIN_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export PG_PRIVATE_DIR="$dir"
}

pg_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_private_stop() {
  local dir
  dir=$(pg_data_dir "$1")
  pg_run "$(pg_bin_dir)/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
}

# psql against the private cluster as its superuser.
pg_psql() {
  "$(pg_bin_dir)/psql" "$PG_ADMIN_URL" -v ON_ERROR_STOP=1 -qAt "$@"
}
