#!/usr/bin/env bash
# The gateway alone: its jar in front of a fixed-answer backend (FixedBackend.java) and a Redis of its own, wrk on a
# catalog product page as an anonymous visitor, and the gateway's own CPU per request (/proc, JIT and GC included).
# Needs no local stack: the figure is the gateway's cost without a service competing with it for the cores.
#
#   gateway/bench/alone.sh [jar] [seconds] [connections] [rounds]
#
# jar: gateway/target/gateway-*.jar; 15 s, 32 connections, 1 round (each round after the first shows the warm-up).
# Per round: the gateway's and the Redis server's CPU per request, and the rate-limit scripts Redis ran per request.
# GATEWAY_JAVA_OPTS: the JVM options (default the local stack's: -Xms128m -Xmx384m -XX:+UseSerialGC
# -XX:TieredStopAtLevel=1). BENCH_WARMUP: seconds of wrk before the first round (10). BENCH_JFR=1: a 15-s JFR
# recording (settings=profile) after the rounds, kept beside the outputs. Ports 28080 (gateway), 28081 (backend),
# 26379 (redis-server, started and stopped here). Outputs under gateway/target/bench-alone/.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${1:-$(ls "$REPO"/gateway/target/gateway-*.jar | head -1)}
SECONDS_PER_RUN=${2:-15}
CONNECTIONS=${3:-32}
ROUNDS=${4:-1}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
OPTS=${GATEWAY_JAVA_OPTS:--Xms128m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
OUT=$REPO/gateway/target/bench-alone
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server" >&2; exit 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
redis-server --port 26379 --bind 127.0.0.1 --save '' --appendonly no >"$OUT/redis.log" 2>&1 &
redis=$!; pids+=($redis)
"$JAVA" -Xmx128m "$REPO/gateway/bench/FixedBackend.java" 28081 >"$OUT/backend.log" 2>&1 & pids+=($!)
FUPIN_IDENTITY_SECRET=alone-bench-secret-0123456789abcdef SERVER_PORT=28080 REDIS_PORT=26379 \
  CATALOG_URL=http://127.0.0.1:28081 GATEWAY_RATE_LIMIT_PER_SECOND=1000000 GATEWAY_RATE_LIMIT_BURST=1000000 \
  "$JAVA" $OPTS -jar "$JAR" --spring.profiles.active=local >"$OUT/gateway.log" 2>&1 &
gateway=$!; pids+=($gateway)
for _ in $(seq 1 600); do curl -fs -o /dev/null http://127.0.0.1:28080/actuator/health/readiness && break; sleep 0.5; done
started=$(sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1/p' "$OUT/gateway.log" | tail -1)
url=http://127.0.0.1:28080/api/catalog/products/72c76ab7-0037-400d-80eb-9fa370602f40
wrk -t2 -c"$CONNECTIONS" -d"${BENCH_WARMUP:-10}s" "$url" >"$OUT/warmup.txt"
echo "gateway $(basename "$JAR"), $OPTS, started in ${started:-?} s; ${SECONDS_PER_RUN} s a round, $CONNECTIONS connections, $(nproc) cores"
echo "| round | requests/s | p50 | p99 | gateway CPU ms per request | Redis CPU ms per request | Redis calls per request | load |"
echo "|---|---|---|---|---|---|---|---|"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
redis_calls() { redis-cli -p 26379 info commandstats | awk -F'[=,:]' '/^cmdstat_(evalsha|eval):/ {n += $3} END {print n + 0}'; }
per_request() { awk -v n="$1" -v r="$2" -v hz="$3" 'BEGIN {printf "%.2f", n * 1000 / hz / r}'; }
hz=$(getconf CLK_TCK)
for round in $(seq 1 "$ROUNDS"); do
  before=$(cpu_ticks "$gateway"); redis_before=$(cpu_ticks "$redis"); calls_before=$(redis_calls)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$url" >"$OUT/round-$round.txt"
  after=$(cpu_ticks "$gateway"); redis_after=$(cpu_ticks "$redis"); calls_after=$(redis_calls)
  requests=$(awk '/requests in/ {print $1}' "$OUT/round-$round.txt")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$round" \
    "$(awk '/Requests\/sec/ {print $2}' "$OUT/round-$round.txt")" \
    "$(awk '$1 == "50%" {print $2}' "$OUT/round-$round.txt")" "$(awk '$1 == "99%" {print $2}' "$OUT/round-$round.txt")" \
    "$(per_request $((after - before)) "$requests" "$hz")" "$(per_request $((redis_after - redis_before)) "$requests" "$hz")" \
    "$(awk -v c=$((calls_after - calls_before)) -v r="$requests" 'BEGIN {printf "%.3f", c / r}')" \
    "$(cut -d' ' -f1 /proc/loadavg)"
done
if [[ -n "${BENCH_JFR:-}" ]]; then
  jcmd "$gateway" JFR.start duration=15s settings=profile filename="$OUT/gateway.jfr" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d16s "$url" >"$OUT/jfr-load.txt"
  sleep 2
  echo "JFR: $OUT/gateway.jfr (jfr print --events jdk.ExecutionSample --stack-depth 200 ...)"
fi
