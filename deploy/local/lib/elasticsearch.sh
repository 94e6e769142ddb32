#!/usr/bin/env bash
# Runs a single-node Elasticsearch from Elastic's integ-test-zip distribution, without containers.
#
#   elasticsearch.sh start  <state-dir> [http-port]   # idempotent; waits for yellow/green
#   elasticsearch.sh stop   <state-dir> [http-port]   # SIGTERM, then SIGKILL after ES_STOP_TIMEOUT s
#   elasticsearch.sh status <state-dir> [http-port]   # exit 0 when running, 3 when stopped
#
# http-port defaults to 9200. Everything lives under <state-dir> (any path; created if missing):
#   dist/elasticsearch-<version>/  the unpacked zip (reused), config/ data/ logs/ tmp/ run/elasticsearch.pid
# deploy/local/fupin uses <its state>/elasticsearch and 9200; the catalog-service integration tests
# use catalog-service/target/es and 9250.
#
# The zip: $ES_ZIP if set, else deploy/local/target/elasticsearch-<version>.zip
# (./mvnw -f deploy/local/pom.xml package puts it there), else the local Maven repository.
# Environment: ES_VERSION (9.2.8), ES_JAVA_HOME (default: a JDK >= 21 as found by lib/common.sh),
# ES_HEAP (512m), ES_JAVA_OPTS (appended), ES_USER (fupin-es, used only when running as root),
# ES_START_TIMEOUT (120 s), ES_STOP_TIMEOUT (30 s).
set -euo pipefail

LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LOCAL_DIR=$(dirname "$LIB_DIR")
# shellcheck source=common.sh
. "$LIB_DIR/common.sh"

ES_VERSION=${ES_VERSION:-9.2.8}
ES_USER=${ES_USER:-fupin-es}
ES_HEAP=${ES_HEAP:-512m}
ES_START_TIMEOUT=${ES_START_TIMEOUT:-120}
ES_STOP_TIMEOUT=${ES_STOP_TIMEOUT:-30}

usage() {
  echo "usage: $(basename "$0") start|stop|status <state-dir> [http-port]" >&2
  exit 2
}

# ---- locations -----------------------------------------------------------------------------

es_zip() {
  local m2=${MAVEN_REPO:-$HOME/.m2/repository}
  local candidates=(
    "${ES_ZIP:-}"
    "$LOCAL_DIR/target/elasticsearch-$ES_VERSION.zip"
    "$m2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
  )
  local zip
  for zip in "${candidates[@]}"; do
    if [[ -n "$zip" && -f "$zip" ]]; then printf '%s' "$zip"; return 0; fi
  done
  die "Elasticsearch $ES_VERSION zip not found (looked in $LOCAL_DIR/target and $m2)." \
      "Run: ./mvnw -f deploy/local/pom.xml package   (or set ES_ZIP)"
}

es_home()    { printf '%s/dist/elasticsearch-%s' "$STATE_DIR" "$ES_VERSION"; }
es_pidfile() { printf '%s/run/elasticsearch.pid' "$STATE_DIR"; }
# Every server JVM of this state dir carries -Des.path.home=<our dist>: that identifies it.
es_pattern() { printf -- '-Des.path.home=%s ' "$(es_home)"; }

running_as_root() { [[ $(id -u) -eq 0 ]]; }

# ---- steps ---------------------------------------------------------------------------------

es_unpack() {
  local home zip tmp
  home=$(es_home)
  [[ -x "$home/bin/elasticsearch" ]] && return 0
  zip=$(es_zip)
  log "elasticsearch: unpacking $(basename "$zip") into $STATE_DIR/dist"
  mkdir -p "$STATE_DIR/dist"
  tmp=$(mktemp -d "$STATE_DIR/dist/.unpack.XXXXXX")
  unzip -q "$zip" -d "$tmp"
  [[ -x "$tmp/elasticsearch-$ES_VERSION/bin/elasticsearch" ]] || die "unexpected layout in $zip"
  rm -rf "$home"
  mv "$tmp/elasticsearch-$ES_VERSION" "$home"
  rm -rf "$tmp"
}

# Elasticsearch refuses to run as root: when we are root, run it as an unprivileged system user.
es_ensure_user() {
  running_as_root || return 0
  id -u "$ES_USER" >/dev/null 2>&1 && return 0
  log "elasticsearch: creating system user $ES_USER"
  useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
}

# Runs "$@" as the user Elasticsearch runs as.
as_es_user() {
  if running_as_root; then runuser -u "$ES_USER" -- "$@"; else "$@"; fi
}

es_prepare_dirs() {
  local d
  mkdir -p "$STATE_DIR"/{config,data,logs,tmp,run}
  if [[ ! -f "$STATE_DIR/config/elasticsearch.yml" ]]; then
    cp -R "$(es_home)/config/." "$STATE_DIR/config/"
  fi
  if running_as_root; then
    chown -R "$ES_USER:" "$STATE_DIR"/{config,data,logs,tmp,run}
  fi
  for d in config data logs tmp run; do
    as_es_user test -w "$STATE_DIR/$d" ||
      die "user $(running_as_root && echo "$ES_USER" || id -un) cannot write $STATE_DIR/$d" \
          "(every parent directory must be world-executable)"
  done
}

es_java_home() {
  if [[ -n "${ES_JAVA_HOME:-}" ]]; then printf '%s' "$ES_JAVA_HOME"; return 0; fi
  if find_java_home 2>/dev/null; then return 0; fi
  [[ -d "$(es_home)/jdk" ]] && return 0   # empty: Elasticsearch uses its bundled JDK
  die "no JDK 21+ for Elasticsearch: set ES_JAVA_HOME (the integ-test-zip has no bundled JDK)"
}

# Cluster health status (green/yellow/red) or nothing when not answering.
es_health() {
  curl -fsS --max-time 2 "http://127.0.0.1:$HTTP_PORT/_cluster/health" 2>/dev/null |
    sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' || true
}

es_wait_healthy() {
  local pid=$1 started=$2 deadline=$((SECONDS + ES_START_TIMEOUT)) health
  while (( SECONDS < deadline )); do
    health=$(es_health)
    if [[ "$health" == green || "$health" == yellow ]]; then
      log "elasticsearch: $health on http://127.0.0.1:$HTTP_PORT (pid $pid, ready in $(elapsed_since "$started") s)"
      return 0
    fi
    pid_alive "$pid" "$(es_pattern)" || { es_show_log; die "elasticsearch (pid $pid) exited during startup"; }
    sleep 1
  done
  es_show_log
  die "elasticsearch not yellow/green on port $HTTP_PORT after ${ES_START_TIMEOUT}s"
}

es_show_log() {
  local f
  for f in "$STATE_DIR/logs/startup.log" "$STATE_DIR/logs/elasticsearch.log"; do
    [[ -s "$f" ]] || continue
    echo "----- tail of $f -----" >&2
    tail -n 40 "$f" >&2
  done
}

# Server JVMs of this state dir that the pid file does not know about (e.g. pid file deleted).
es_orphans() {
  local p pattern; pattern=$(es_pattern)
  for p in /proc/[0-9]*; do
    pid_alive "${p#/proc/}" "$pattern" && printf '%s\n' "${p#/proc/}"
  done
  return 0
}

# ---- commands ------------------------------------------------------------------------------

cmd_start() {
  local pidfile pid java_home started
  pidfile=$(es_pidfile)
  pid=$(read_pid "$pidfile")
  if [[ -n "$pid" ]] && pid_alive "$pid" "$(es_pattern)"; then
    log "elasticsearch: already running (pid $pid)"
    es_wait_healthy "$pid" "$(date +%s%N)"
    return 0
  fi
  rm -f "$pidfile"
  if port_open 127.0.0.1 "$HTTP_PORT"; then
    die "port $HTTP_PORT is taken by another process (not the Elasticsearch of $STATE_DIR)"
  fi

  es_unpack
  es_ensure_user
  es_prepare_dirs
  java_home=$(es_java_home)

  started=$(date +%s%N)
  log "elasticsearch: starting on 127.0.0.1:$HTTP_PORT (state $STATE_DIR, JDK ${java_home:-bundled})"
  # -d: the launcher returns once the node has started; -p: the server JVM writes its PID.
  if ! (
    cd "$STATE_DIR"
    # Elasticsearch warns below 65535 open files; raise the limit when allowed (root may).
    ulimit -n 65535 2>/dev/null || true
    as_es_user env \
      ${java_home:+ES_JAVA_HOME="$java_home"} \
      ES_PATH_CONF="$STATE_DIR/config" \
      ES_TMPDIR="$STATE_DIR/tmp" \
      ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP ${ES_JAVA_OPTS:-}" \
      "$(es_home)/bin/elasticsearch" -d -p "$pidfile" \
        -E discovery.type=single-node \
        -E xpack.security.enabled=false \
        -E network.host=127.0.0.1 \
        -E http.port="$HTTP_PORT" \
        -E path.data="$STATE_DIR/data" \
        -E path.logs="$STATE_DIR/logs" \
        -E cluster.routing.allocation.disk.threshold_enabled=false \
        >"$STATE_DIR/logs/startup.log" 2>&1 </dev/null
  ); then
    es_show_log
    die "elasticsearch failed to start"
  fi
  pid=$(read_pid "$pidfile")
  [[ -n "$pid" ]] || { es_show_log; die "elasticsearch started but wrote no pid file $pidfile"; }
  es_wait_healthy "$pid" "$started"
}

cmd_stop() {
  local pidfile pid stopped=0
  pidfile=$(es_pidfile)
  pid=$(read_pid "$pidfile")
  if [[ -n "$pid" ]] && pid_alive "$pid" "$(es_pattern)"; then
    log "elasticsearch: stopping pid $pid"
    stop_pid "$pid" "$(es_pattern)" "$ES_STOP_TIMEOUT" || die "could not stop elasticsearch pid $pid"
    stopped=1
  fi
  rm -f "$pidfile"
  for pid in $(es_orphans); do
    warn "elasticsearch: stopping pid $pid of $STATE_DIR that had no pid file"
    stop_pid "$pid" "$(es_pattern)" "$ES_STOP_TIMEOUT" || die "could not stop elasticsearch pid $pid"
    stopped=1
  done
  (( stopped )) || log "elasticsearch: not running"
  return 0
}

cmd_status() {
  local pid health
  pid=$(read_pid "$(es_pidfile)")
  if [[ -n "$pid" ]] && pid_alive "$pid" "$(es_pattern)"; then
    health=$(es_health)
    echo "running pid=$pid port=$HTTP_PORT health=${health:-not-answering}"
    return 0
  fi
  echo "stopped port=$HTTP_PORT"
  return 3
}

main() {
  [[ $# -ge 2 && $# -le 3 ]] || usage
  local command=$1
  STATE_DIR=$(realpath -m "$2")
  HTTP_PORT=${3:-9200}
  [[ "$HTTP_PORT" =~ ^[0-9]+$ ]] || usage
  case "$command" in
    start)  cmd_start ;;
    stop)   cmd_stop ;;
    status) cmd_status ;;
    *)      usage ;;
  esac
}

main "$@"
