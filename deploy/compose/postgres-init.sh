#!/bin/sh
# Roles and databases of the four services and the test suite (first start of the volume only).
set -e
for db in p2g_registry p2g_matching p2g_scheduling p2g_notifications p2g_test; do
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres <<SQL
CREATE ROLE $db LOGIN CREATEDB PASSWORD '$P2G_SERVICE_PASSWORD';
CREATE DATABASE $db OWNER $db;
SQL
done
# Least privilege: a service's role connects to its own database only, and creates none.
for db in p2g_registry p2g_matching p2g_scheduling p2g_notifications; do
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres <<SQL
REVOKE CONNECT, TEMPORARY ON DATABASE $db FROM PUBLIC;
ALTER ROLE $db NOCREATEDB;
SQL
done
