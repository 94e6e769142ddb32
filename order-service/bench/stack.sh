#!/usr/bin/env bash
# A minimal stack for the benchmark when deploy/local is not running: a KRaft Kafka broker (from the libraries
# deploy/local resolved), catalog-service and order-service from their jars, on ports of their own
# (Kafka 19092, catalog 18081, order-service 18082) with databases bench_catalog and bench_orders.
#   order-service/bench/stack.sh up|down
# CATALOG_JAR and ORDER_JAR start other builds (e.g. copies of the jars before a change, to compare in one sitting).
# Then: BENCH_TARGET=http://127.0.0.1:18082 BENCH_CATALOG=http://127.0.0.1:18081 BENCH_SECRET_FILE=order-service/target/bench/secret order-service/bench/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=$ROOT/order-service/target/bench
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
LIBS=$ROOT/deploy/local/target/kafka-libs
# Other ports when these are taken: BENCH_CATALOG_PORT, BENCH_ORDER_PORT, BENCH_KAFKA_PORT (its controller: the next one).
CATALOG_PORT=${BENCH_CATALOG_PORT:-18081}
ORDER_PORT=${BENCH_ORDER_PORT:-18082}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19092}
CONTROLLER_PORT=$((KAFKA_PORT + 1))
mkdir -p "$DIR"

up() {
  [[ -f $DIR/secret ]] || head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$DIR/secret"
  cat >"$DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DIR/kafka-data
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
PROPS
  if [[ ! -d $DIR/kafka-data ]]; then
    id=$("$JAVA" -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    "$JAVA" -cp "$LIBS/*" kafka.tools.StorageTool format -t "$id" -c "$DIR/server.properties" >/dev/null 2>&1
  fi
  "$JAVA" -Xmx512m -cp "$LIBS/*" kafka.Kafka "$DIR/server.properties" >"$DIR/kafka.log" 2>&1 &
  echo $! >"$DIR/kafka.pid"
  start catalog "${CATALOG_JAR:-$ROOT/catalog-service/target/catalog-service-0.1.0-SNAPSHOT.jar}" "$CATALOG_PORT" bench_catalog
  start orders "${ORDER_JAR:-$ROOT/order-service/target/order-service-0.1.0-SNAPSHOT.jar}" "$ORDER_PORT" bench_orders \
    CATALOG_URL=http://127.0.0.1:$CATALOG_PORT SPRING_PROFILES_ACTIVE=local PAYMENT_SANDBOX_SECRET="$(<"$DIR/secret")"
  for port in "$CATALOG_PORT" "$ORDER_PORT"; do
    for _ in $(seq 1 "${BENCH_START_WAIT:-600}"); do
      curl -fs "http://127.0.0.1:$port/actuator/health/liveness" >/dev/null && break
      sleep 1
    done
    curl -fs "http://127.0.0.1:$port/actuator/health/liveness" >/dev/null || { echo "port $port did not come up; see $DIR"; exit 1; }
  done
  echo "up: catalog $CATALOG_PORT, order-service $ORDER_PORT, kafka $KAFKA_PORT (secret in $DIR/secret)"
}

start() {
  local name=$1 jar=$2 port=$3 db=$4; shift 4
  env SERVER_PORT="$port" MYSQL_URL="jdbc:mysql://127.0.0.1:3306/$db?createDatabaseIfNotExist=true" MYSQL_USER=root \
    MYSQL_PASSWORD= KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT ELASTICSEARCH_URL=http://127.0.0.1:9 \
    FUPIN_IDENTITY_SECRET="$(<"$DIR/secret")" "$@" \
    "$JAVA" -Xmx512m -jar "$jar" >"$DIR/$name.log" 2>&1 &
  echo $! >"$DIR/$name.pid"
}

down() {
  for name in orders catalog kafka; do
    [[ -f $DIR/$name.pid ]] && kill "$(<"$DIR/$name.pid")" 2>/dev/null || true
    rm -f "$DIR/$name.pid"
  done
}

case ${1:-} in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
