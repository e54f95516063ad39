#!/usr/bin/env bash
# Sourced by .ci/run: installs PostgreSQL from Debian's packages if it is missing, starts a
# throw-away cluster on 127.0.0.1 (its own data directory and port, stopped on exit) and
# exports MATCHER_TEST_DATABASE_URL for the tests marked `postgres`.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pg_bin)" ]; then
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
fi
PG_BIN="$(pg_bin)"
PG_PORT="${MATCHER_CI_PG_PORT:-54329}"
PG_DATA="$(mktemp -d /tmp/matcher-ci-pg.XXXXXX)"

# As root, the server runs as the postgres user, from "/": the checkout may sit in a
# directory that user cannot enter (a mktemp -d clone), and pg_ctl fails to start there.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DATA"; fi
chmod 700 "$PG_DATA"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U matcher --auth=trust > /dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1" start > /dev/null
stop_postgres() {
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop > /dev/null 2>&1 || true
    rm -rf "$PG_DATA"
}
trap stop_postgres EXIT
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U matcher matcher_test
export MATCHER_TEST_DATABASE_URL="postgresql://matcher@127.0.0.1:$PG_PORT/matcher_test"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the tests on port $PG_PORT"
