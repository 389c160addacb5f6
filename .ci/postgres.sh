#!/usr/bin/env bash
# Sourced by .ci/run: starts a throw-away PostgreSQL cluster for the PostgreSQL store tests.
# On success it exports OLNM_TEST_POSTGRES (a connection string) and OLNM_REQUIRE_POSTGRES=1 (the tests then fail
# instead of skipping) and registers olnm_postgres_stop, which the caller runs at exit. On any failure it prints
# why and returns 0 with neither variable set, so the PostgreSQL tests skip and the rest of CI runs.
# By hand: `source .ci/postgres.sh && olnm_postgres_start`, and `olnm_postgres_stop` when done.

olnm_postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] && echo "$bin"
}

olnm_postgres_start() {
  local bin port owner run
  bin=$(olnm_postgres_bin)
  if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "postgres: installing Debian's postgresql package"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
      || echo "postgres: apt-get install postgresql failed"
    bin=$(olnm_postgres_bin)
  fi
  if [ -z "$bin" ]; then
    echo "postgres: no PostgreSQL server found (/usr/lib/postgresql/*/bin); PostgreSQL tests will skip"
    return 0
  fi
  OLNM_PG_DIR=$(mktemp -d /tmp/olnm-postgres.XXXXXX)
  run=()
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the postgres user (or nobody).
    owner=postgres
    id -u "$owner" >/dev/null 2>&1 || owner=nobody
    chown "$owner" "$OLNM_PG_DIR"
    run=(runuser -u "$owner" --)
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000)))
  # Password authentication over TCP, so the tests can check that a wrong password is refused.
  echo olnm >"$OLNM_PG_DIR/password"
  [ ${#run[@]} -eq 0 ] || chown "$owner" "$OLNM_PG_DIR/password"
  if ! "${run[@]}" "$bin/initdb" -D "$OLNM_PG_DIR/data" -U olnm --pwfile="$OLNM_PG_DIR/password" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >"$OLNM_PG_DIR/initdb.log" 2>&1; then
    echo "postgres: initdb failed; PostgreSQL tests will skip:"; tail -n 5 "$OLNM_PG_DIR/initdb.log"
    rm -rf "$OLNM_PG_DIR"; return 0
  fi
  if ! "${run[@]}" "$bin/pg_ctl" -D "$OLNM_PG_DIR/data" -l "$OLNM_PG_DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $OLNM_PG_DIR -c max_connections=200 -c fsync=off" start >/dev/null; then
    echo "postgres: the server did not start; PostgreSQL tests will skip:"; tail -n 5 "$OLNM_PG_DIR/server.log"
    rm -rf "$OLNM_PG_DIR"; return 0
  fi
  OLNM_PG_CTL=("${run[@]}" "$bin/pg_ctl")
  export OLNM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=olnm;Password=olnm;Database=postgres"
  export OLNM_REQUIRE_POSTGRES=1
  echo "postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($OLNM_PG_DIR)"
}

olnm_postgres_stop() {
  if [ -n "${OLNM_PG_DIR:-}" ] && [ -d "$OLNM_PG_DIR/data" ]; then
    "${OLNM_PG_CTL[@]}" -D "$OLNM_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$OLNM_PG_DIR"
  fi
}
