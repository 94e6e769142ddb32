#!/usr/bin/env bash
# The gateway's cost: requests per second and latency for one simple GET (a catalog product page),
# through the gateway and straight to catalog-service, in the same run, with wrk.
# Needs the local stack up (deploy/local/fupin up) and wrk (apt-get install wrk). The per-caller rate limit
# (50/s by default) would otherwise be what is measured: raise it for the run, the Redis check stays in the path:
#   GATEWAY_RATE_LIMIT_PER_SECOND=1000000 GATEWAY_RATE_LIMIT_BURST=1000000 deploy/local/fupin restart gateway
#   gateway/bench/run.sh [seconds] [connections]
#   deploy/local/fupin restart gateway      # back to the default limits
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-32}
GATEWAY=${GATEWAY_URL:-http://127.0.0.1:8080}
CATALOG=${CATALOG_URL:-http://127.0.0.1:8081}
SECRET=${FUPIN_IDENTITY_SECRET:-$(cat "$("$REPO/deploy/local/fupin" path)/secrets/identity-secret")}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

product=$(curl -fsS "$GATEWAY/api/catalog/products?size=1" | sed -n 's/.*"items":\[{"id":"\([^"]*\)".*/\1/p')
[[ -n "$product" ]] || { echo "no product on sale: load the demo data first" >&2; exit 1; }
path=/api/catalog/products/$product

# The headers the gateway would sign for an anonymous visitor (service-support's IdentitySignature),
# stamped now: valid for the signature's 60 s, longer than one run.
signed_headers() {
  local ts sig
  ts=$(($(date +%s%N) / 1000000))
  sig=$(printf 'fupin-identity-v1\nanonymous\n\n\n%s' "$ts" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 | tr '+/' '-_' | tr -d '=')
  printf '%s\n' "X-Fupin-User-Id: anonymous" "X-Fupin-Roles: " "X-Fupin-Identity-Timestamp: $ts" "X-Fupin-Identity-Signature: $sig"
}

run() { # label url [headers...]
  local label=$1 url=$2; shift 2
  local args=() h
  for h in "$@"; do args+=(-H "$h"); done
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "${args[@]}" "$url" > "/tmp/wrk-$label.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "/tmp/wrk-$label.txt")
  p50=$(awk '$1 == "50%" {print $2}' "/tmp/wrk-$label.txt")
  p99=$(awk '$1 == "99%" {print $2}' "/tmp/wrk-$label.txt")
  printf '| %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99"
  grep -E "Non-2xx|Socket errors" "/tmp/wrk-$label.txt" >&2 || true
}

echo "GET $path, $CONNECTIONS connections, ${SECONDS_PER_RUN}s each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| path | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
curl -fsS -o /dev/null "$GATEWAY$path"
mapfile -t headers < <(signed_headers)
run direct "$CATALOG$path" "${headers[@]}"
run gateway "$GATEWAY$path"
