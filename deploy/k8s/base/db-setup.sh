#!/bin/sh
# Creates each service's database and its two users (as deploy/local/fupin does on one machine):
# fupin_<db> may only read and write rows, fupin_<db>_owner owns the schema (Flyway). Idempotent: the
# passwords and rights are set afresh at every run. Waits for each server to answer first.
set -eu
setup() { # <host> <database> <runtime password> <owner password>
  host=$1 db=$2
  until mysqladmin -h "$host" -u "$MYSQL_ADMIN_USER" --password="$MYSQL_ADMIN_PASSWORD" --connect-timeout=5 ping >/dev/null 2>&1; do
    echo "waiting for $host"; sleep 5
  done
  mysql -h "$host" -u "$MYSQL_ADMIN_USER" --password="$MYSQL_ADMIN_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'fupin_$db'@'%' IDENTIFIED BY '$3';
ALTER USER 'fupin_$db'@'%' IDENTIFIED BY '$3';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'fupin_$db'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`$db\`.* TO 'fupin_$db'@'%';
CREATE USER IF NOT EXISTS 'fupin_${db}_owner'@'%' IDENTIFIED BY '$4';
ALTER USER 'fupin_${db}_owner'@'%' IDENTIFIED BY '$4';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'fupin_${db}_owner'@'%';
GRANT ALL PRIVILEGES ON \`$db\`.* TO 'fupin_${db}_owner'@'%';
SQL
  echo "$db on $host: ready"
}
setup "$CATALOG_DB_HOST" catalog "$CATALOG_PASSWORD" "$CATALOG_OWNER_PASSWORD"
setup "$ORDERS_DB_HOST" orders "$ORDERS_PASSWORD" "$ORDERS_OWNER_PASSWORD"
setup "$HOUSEHOLD_DB_HOST" household "$HOUSEHOLD_PASSWORD" "$HOUSEHOLD_OWNER_PASSWORD"
setup "$SETTLEMENT_DB_HOST" settlement "$SETTLEMENT_PASSWORD" "$SETTLEMENT_OWNER_PASSWORD"
