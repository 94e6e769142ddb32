# shellcheck shell=bash
# Helpers shared by deploy/local/fupin and deploy/local/lib/elasticsearch.sh.
# Source it; it defines functions only (no side effects).

log()  { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
warn() { printf '%s WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '%s ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

# Feature version of the JDK in $1 (e.g. 25, 21, 17; 8 for 1.8), or empty when it is no JDK.
java_feature_version() {
  local home=$1 v=''
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release")
  fi
  if [[ -z "$v" ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  v=${v#1.}            # 1.8.0_x -> 8.0_x
  printf '%s' "${v%%[._-]*}"
}

# Prints a JDK home with feature version >= 21:
# $JAVA_HOME if good enough, else temurin-25, else the newest /usr/lib/jvm/* that qualifies.
find_java_home() {
  local candidate v best='' best_v=0
  if [[ -n "${JAVA_HOME:-}" ]]; then
    v=$(java_feature_version "$JAVA_HOME")
    if [[ -n "$v" && "$v" -ge 21 ]]; then printf '%s' "$JAVA_HOME"; return 0; fi
  fi
  candidate=/usr/lib/jvm/temurin-25-jdk-amd64
  v=$(java_feature_version "$candidate")
  if [[ -n "$v" && "$v" -ge 21 ]]; then printf '%s' "$candidate"; return 0; fi
  for candidate in /usr/lib/jvm/*; do
    [[ -d "$candidate" && ! -L "$candidate" ]] || continue
    v=$(java_feature_version "$candidate")
    if [[ -n "$v" && "$v" -ge 21 && "$v" -gt "$best_v" ]]; then best=$candidate; best_v=$v; fi
  done
  if [[ -n "$best" ]]; then printf '%s' "$best"; return 0; fi
  echo "no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable in /usr/lib/jvm)." \
       "Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
  return 1
}

# True when PID $1 is a live (non-zombie) process whose command line contains $2.
# The command-line check guards against a recycled PID after a crash or reboot.
# Zombies count as dead: PID 1 does not always reap orphans (it does not in some sandboxes).
pid_alive() {
  local pid=$1 pattern=${2:-} state
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/stat" ]] || return 1
  state=$(sed 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ "$state" != Z && "$state" != X ]] || return 1
  [[ -z "$pattern" ]] && return 0
  local cmd
  cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ "$cmd" == *"$pattern"* ]]
}

# PID stored in pid file $1 (empty if none).
read_pid() { [[ -r "$1" ]] && tr -dc '0-9' < "$1" || true; }

# True when pid file $1 names a live process whose command line contains $2.
pidfile_alive() {
  local pid; pid=$(read_pid "$1")
  [[ -n "$pid" ]] && pid_alive "$pid" "${2:-}"
}

# Sends SIGTERM to PID $1, waits up to $3 seconds (default 20), then SIGKILLs it.
# $2: command-line pattern the process must match (never signal a recycled PID).
stop_pid() {
  local pid=$1 pattern=$2 grace=${3:-20} waited=0
  pid_alive "$pid" "$pattern" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while pid_alive "$pid" "$pattern"; do
    if (( waited >= grace * 5 )); then
      warn "PID $pid did not stop within ${grace}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2; waited=$((waited + 1))
  done
  waited=0
  while pid_alive "$pid" "$pattern" && (( waited < 50 )); do sleep 0.2; waited=$((waited + 1)); done
  ! pid_alive "$pid" "$pattern"
}

# True when something accepts TCP connections on $1:$2.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# Seconds (one decimal) since the epoch-nanosecond timestamp $1.
elapsed_since() {
  local now; now=$(date +%s%N)
  awk -v a="$1" -v b="$now" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'
}
