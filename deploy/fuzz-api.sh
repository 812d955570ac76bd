#!/usr/bin/env bash
# Fuzzes each service's HTTP API from its own OpenAPI document with schemathesis (from PyPI),
# with a valid Agency coordinator's token: any 5xx answer fails the run.
#
#   deploy/fuzz-api.sh                 the four services, 15 examples per operation and phase
#   P2G_FUZZ_EXAMPLES=100 deploy/fuzz-api.sh
#
# Each service runs from the debug build on a scratch database and the test vhost, with its own
# broker user, on a free port; deploy/test.sh runs this after the test suite.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
LOCAL="$ROOT/.local"
VENV="$LOCAL/schemathesis"
SCHEMATHESIS_VERSION=4.32.5
EXAMPLES=${P2G_FUZZ_EXAMPLES:-15}
say() { printf 'fuzz: %s\n' "$*" >&2; }
die() { printf 'fuzz: error: %s\n' "$*" >&2; exit 1; }

if [ ! -x "$VENV/bin/schemathesis" ] || ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  say "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into .local/schemathesis"
  python3 -m venv "$VENV" || die "python3 -m venv failed: install python3-venv (deploy/stack.sh up does)"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION" || die "pip could not install schemathesis"
fi

# shellcheck disable=SC1091
. "$LOCAL/stack.env"
BIN=$(swift build --show-bin-path)
export P2G_AUTH_KEY_FILE
TOKEN=$("$BIN/p2gctl" token --role agency-coordinator --subject api-fuzzing)

export PGOPTIONS='--client-min-messages=warning'

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

failed=()
for service in registry matching scheduling notifications; do
  case $service in
    registry) exe=community-registry ;;
    matching) exe=pairing-matching ;;
    scheduling) exe=program-scheduling ;;
    notifications) exe=notifications ;;
  esac
  database="fuzz_$service"
  psql "$P2G_ADMIN_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database OWNER p2g_test" >/dev/null
  port=$(free_port)
  metrics=$(free_port)
  broker_variable="P2G_TEST_$(echo "$service" | tr '[:lower:]' '[:upper:]')_AMQP_URL"
  log="$LOCAL/logs/fuzz-$service.log"
  mkdir -p "$LOCAL/logs"
  P2G_DATABASE_URL=${P2G_TEST_DATABASE_URL/\/p2g_test\?/\/$database?} P2G_AMQP_URL=${!broker_variable} \
    P2G_HTTP_PORT=$port P2G_METRICS_PORT=$metrics P2G_INSTANCE_ID="fuzz-$service" P2G_LOG_LEVEL=warning \
    "$BIN/$exe" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; die "$exe stopped before it was ready"; }
    sleep 0.5
  done
  say "$service: $EXAMPLES examples per operation against http://127.0.0.1:$port/openapi.json"
  if ! (cd "$LOCAL" && "$VENV/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
    -H "Authorization: Bearer $TOKEN" --max-examples "$EXAMPLES" --checks not_a_server_error --no-color \
    --seed 20261207 >"$LOCAL/logs/fuzz-$service.report" 2>&1); then
    failed+=("$service")
    tail -n 60 "$LOCAL/logs/fuzz-$service.report" >&2
  fi
  grep -E '^  [0-9]+ generated' "$LOCAL/logs/fuzz-$service.report" | sed "s/^ */fuzz: $service: /" >&2 || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  psql "$P2G_ADMIN_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null
done
[ ${#failed[@]} -eq 0 ] || die "server errors or crashes in: ${failed[*]} (reports in .local/logs/fuzz-<service>.report)"
say "no server error in any service"
