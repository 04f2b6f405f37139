#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on a free port of 127.0.0.1, with one database and
# a user with a password; nothing outside its temporary directory is touched.
#
#   eval "$(scripts/test-postgres.sh start)"   # exports TEST_DATABASE_URL, TEST_DATABASE_USER,
#                                              # TEST_DATABASE_PASSWORD and TEST_POSTGRES_DIR
#   scripts/test-postgres.sh stop "$TEST_POSTGRES_DIR"
#
# PostgreSQL refuses to run as root, so as root (as in CI) the server runs as the 'postgres' user
# that Debian's postgresql package creates. Progress goes to stderr; stdout is only the exports.
set -euo pipefail

db=viranomaisbotti_test
user=viranomaisbotti_test

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "PostgreSQL's server programs (initdb, pg_ctl) are not installed. Run scripts/setup.sh --postgres," \
         "or install Debian's 'postgresql' package." >&2
    exit 1
  fi
  echo "$dir"
}

# Runs a command as the server's owner: 'postgres' when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "Running as root needs the 'postgres' user (Debian's postgresql package creates it)." >&2; exit 1; }
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local bin dir password port attempt
  bin=$(bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/viranomaisbotti-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; echo "initdb failed in $dir" >&2; exit 1; }
  for attempt in 1 2 3 4 5; do
    port=$(( 20000 + RANDOM % 30000 ))
    port_is_free "$port" || continue
    # fsync off: a test database is thrown away, and durability costs seconds per test run.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off" \
        start >&2; then
      as_owner "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres \
        -c "CREATE ROLE $user LOGIN PASSWORD '$password'" \
        -c "CREATE DATABASE $db OWNER $user ENCODING 'UTF8'" >&2
      echo "PostgreSQL for tests on 127.0.0.1:$port in $dir" >&2
      echo "export TEST_DATABASE_URL='jdbc:postgresql://127.0.0.1:$port/$db'"
      echo "export TEST_DATABASE_USER='$user'"
      echo "export TEST_DATABASE_PASSWORD='$password'"
      echo "export TEST_POSTGRES_DIR='$dir'"
      return 0
    fi
    echo "Port $port did not work (attempt $attempt); trying another." >&2
  done
  cat "$dir/server.log" >&2 || true
  echo "Could not start PostgreSQL for the tests; the server log is above." >&2
  exit 1
}

stop() {
  local dir=${1:-}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "Usage: $0 stop DIR, with the TEST_POSTGRES_DIR that start printed." >&2
    exit 1
  fi
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "Usage: $0 start | stop DIR" >&2; exit 1 ;;
esac
