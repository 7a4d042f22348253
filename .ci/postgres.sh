#!/usr/bin/env bash
# Installs PostgreSQL 15 from Debian's packages (if missing), starts its cluster on port 5432 and creates the role
# and database the board's PostgreSQL tests use. Idempotent. Prints the URL to export as TABELLA_POSTGRES_URL.
set -euo pipefail
if [ "$(id -u)" -eq 0 ]; then
    as_root() { "$@"; }
    as_postgres() { runuser -u postgres -- "$@"; }
else
    as_root() { sudo "$@"; }
    as_postgres() { sudo -u postgres "$@"; }
fi
if ! dpkg-query -W -f='${Status}' postgresql-15 2>/dev/null | grep -q "install ok installed"; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq postgresql-15 postgresql-client-15 >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^15 main "; then
    as_root pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^15 main 5432 online"; then
    as_root pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
done
as_postgres psql -q -p 5432 -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tabella') THEN
        CREATE ROLE tabella LOGIN PASSWORD 'tabella';
    END IF;
END $$;
SELECT 'CREATE DATABASE tabella OWNER tabella' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'tabella')
\gexec
SQL
echo "postgres://tabella:tabella@127.0.0.1:5432/tabella"
