# Sourced: a throwaway PostgreSQL server on 127.0.0.1 for the server-backed tests.
#   esr_pg_up   → starts it in a temp folder and exports DATABASE_URL
#   esr_pg_down → stops it and removes the folder
# Runs as the postgres user when we are root (initdb refuses to run as root).
esr_pg_up() {
  esr_ensure_postgres
  local bin; bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  ESR_PG_BIN="$bin"
  ESR_PG_TMP="$(mktemp -d /tmp/esr-pg.XXXXXX)"
  ESR_PG_PORT="${ESR_PG_PORT:-$(( 55000 + RANDOM % 1000 ))}"
  ESR_PG_AS=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$ESR_PG_TMP"; ESR_PG_AS=(runuser -u postgres --); fi
  "${ESR_PG_AS[@]}" "$bin/initdb" -D "$ESR_PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$ESR_PG_TMP/initdb.log" 2>&1 || { cat "$ESR_PG_TMP/initdb.log" >&2; return 1; }
  # fsync off: a test database is thrown away, durability there only costs time.
  "${ESR_PG_AS[@]}" "$bin/pg_ctl" -D "$ESR_PG_TMP/data" -l "$ESR_PG_TMP/server.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $ESR_PG_PORT -k $ESR_PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$ESR_PG_TMP/server.log" >&2; return 1; }
  export DATABASE_URL="postgres://postgres@127.0.0.1:$ESR_PG_PORT/postgres"
  esr_log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$ESR_PG_PORT"
}

esr_pg_down() {
  [ -n "${ESR_PG_TMP:-}" ] || return 0
  "${ESR_PG_AS[@]}" "$ESR_PG_BIN/pg_ctl" -D "$ESR_PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$ESR_PG_TMP"
  ESR_PG_TMP=
}

# A fresh empty database on the running server, for a test file that needs isolation.
esr_pg_createdb() { "${ESR_PG_AS[@]}" "$ESR_PG_BIN/createdb" -h 127.0.0.1 -p "$ESR_PG_PORT" -U postgres "$1"; }
