#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the end-to-end test (and for trying the server by hand).
#   scripts/postgres.sh start DIR PORT   initdb + start; prints the DATABASE_URL to use
#   scripts/postgres.sh stop DIR
# Installs Debian's postgresql when it is missing. PostgreSQL refuses to run as root, so the cluster belongs to
# the postgres user, as on any Debian server.
set -euo pipefail
command=${1:?start or stop}
dir=${2:?cluster directory}
bin=""
find_bin() { bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1); }

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
start)
    port=${3:?port}
    find_bin
    if [ -z "$bin" ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null
        apt-get install -y -q postgresql >/dev/null
        find_bin
        # The package starts Debian's own cluster on 5432; this test does not need it.
        pg_ctlcluster --help >/dev/null 2>&1 && for cluster in $(ls /etc/postgresql 2>/dev/null); do
            pg_ctlcluster "$cluster" main stop 2>/dev/null || true
        done
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
        as_postgres "$bin/initdb" -D "$dir" -U merchant --auth=trust >/dev/null
    fi
    as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U merchant merchant 2>/dev/null || true
    echo "DATABASE_URL=postgres://merchant@127.0.0.1:$port/merchant"
    ;;
stop)
    find_bin
    as_postgres "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
