#!/usr/bin/env bash
# The livestream benchmark: orders placed per second and p50/p99 latency at 16, 64 and 256 concurrent buyers,
# straight to order-service (BENCH_TARGET) and, with BENCH_GATEWAY set, through the gateway as the local
# profile's buyers (bearer tokens fetched first), beside a raw hot-row conditional UPDATE loop against the same
# MariaDB in the same run. Needs the running stack: deploy/local/fupin up (the identity secret is read from
# the stack's state, deploy/local/fupin path). Through the gateway, raise the per-caller rate limit first (the token fetches all come
# from one address): GATEWAY_RATE_LIMIT_PER_SECOND=1000000 GATEWAY_RATE_LIMIT_BURST=1000000 deploy/local/fupin restart gateway
set -euo pipefail
cd "$(dirname "$0")/../.."
exec ./mvnw -q -B -pl order-service -Pbench test-compile exec:java \
  -Dbench.target="${BENCH_TARGET:-http://127.0.0.1:8082}" \
  -Dbench.catalog="${BENCH_CATALOG:-http://127.0.0.1:8081}" \
  -Dbench.gateway="${BENCH_GATEWAY:-}" \
  -Dbench.jdbc="${BENCH_JDBC:-jdbc:mysql://127.0.0.1:3306/bench_hot_row?createDatabaseIfNotExist=true}" \
  -Dbench.concurrency="${BENCH_CONCURRENCY:-16,64,256}" \
  -Dbench.attempts="${BENCH_ATTEMPTS:-3000}" \
  -Dbench.stock="${BENCH_STOCK:-1000}" \
  -Dbench.secret.file="${BENCH_SECRET_FILE:-$(deploy/local/fupin path)/secrets/identity-secret}"
