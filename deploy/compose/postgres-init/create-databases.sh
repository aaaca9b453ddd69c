#!/bin/bash
# Runs once, when the PostgreSQL container starts on an empty data volume: one database per service, each owned by
# a role of its own, so that no service can read another's tables.
set -euo pipefail
for service in catalog contract assessment webhook; do
  password_var="SANSHO_${service^^}_DB_PASSWORD"
  password="${!password_var}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$service" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
