#!/usr/bin/env bash
# The local stack: PostgreSQL, RabbitMQ and an SMTP server that stores what it receives
# (deploy/smtp-sink.py), from Debian's packages, on loopback, on non-default ports, with every
# byte of data under .local/ in the repository.
#
#   deploy/stack.sh up                      install what is missing, start all three, create roles,
#                                           databases and vhosts, print the environment
#   deploy/stack.sh down                    stop all three (data stays under .local/)
#   deploy/stack.sh status                  say what runs where
#   deploy/stack.sh restart postgres|rabbitmq|all
#   deploy/stack.sh crash postgres immediate|kill   stop PostgreSQL as a failure would (pg_ctl -m
#                                           immediate, or SIGKILL to the postmaster), then start it
#   deploy/stack.sh rabbitmqctl ARGS...     rabbitmqctl against the stack's broker node
#   deploy/stack.sh env                     print the environment as `export` lines
#   deploy/stack.sh reset                   stop both and delete .local/ (all local data)
#
# Safe to run twice. Works as root (PostgreSQL then runs as the `postgres` user) and as an
# ordinary user. Ports are chosen on the first `up` (override with P2G_STACK_PG_PORT,
# P2G_STACK_AMQP_PORT, P2G_STACK_AMQPS_PORT, P2G_STACK_DIST_PORT, P2G_STACK_EPMD_PORT,
# P2G_STACK_SMTP_PORT) and kept in .local/stack.conf. Received e-mail is under .local/smtp/messages,
# one .eml file per message and recipient.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL="$ROOT/.local"
CONF="$LOCAL/stack.conf"
ENV_FILE="$LOCAL/stack.env"
PG_DIR="$LOCAL/postgres"
MQ_DIR="$LOCAL/rabbitmq"
TLS_DIR="$LOCAL/tls"
# The keys that sign and verify the services' bearer tokens (P2G_AUTH_KEY_FILE).
AUTH_KEY_FILE="$LOCAL/auth/keys"
MQ_BIN=/usr/lib/rabbitmq/bin
SMTP_DIR="$LOCAL/smtp"

say() { printf 'stack: %s\n' "$*" >&2; }
die() { printf 'stack: error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

# ---------------------------------------------------------------------------------------------
# Packages

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && printf '%s\n' "$dir"
}

install_missing_packages() {
  local missing=()
  [ -n "$(pg_bindir)" ] || missing+=(postgresql)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  [ -x "$MQ_BIN/rabbitmq-server" ] || missing+=(rabbitmq-server)
  [ -f /usr/include/amqp.h ] || missing+=(librabbitmq-dev)
  [ -f /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # deploy/fuzz-api.sh installs schemathesis, deploy/icalendar-venv.sh (for the scheduling
  # tests) icalendar, and deploy/ortools-venv.sh (for scheduling-optimality-benchmark) OR-Tools,
  # from PyPI into virtual environments.
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
  # The notifications service sends e-mail through libcurl; the local SMTP server is aiosmtpd.
  pkg-config --exists libcurl 2>/dev/null || missing+=(libcurl4-openssl-dev)
  /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
  # The notifications benchmark's baseline is postfix's smtp-source.
  [ -x /usr/sbin/smtp-source ] || missing+=(postfix)
  # The notifications' preferences page is tested in headless Chromium over the DevTools protocol.
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  /usr/bin/python3 -c 'import websocket' >/dev/null 2>&1 || missing+=(python3-websocket)
  [ ${#missing[@]} -eq 0 ] && return 0

  say "installing from Debian's packages: ${missing[*]}"
  local apt=(apt-get)
  if ! is_root; then
    command -v sudo >/dev/null 2>&1 || die "missing packages ${missing[*]}: install them as root (apt-get install ${missing[*]}) and run again"
    apt=(sudo -n apt-get)
  fi
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine often has stale or empty package lists; update once and retry.
  if ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >"$LOCAL/apt.log" 2>&1; then
    "${apt[@]}" update >>"$LOCAL/apt.log" 2>&1 || die "apt-get update failed, see $LOCAL/apt.log"
    "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >>"$LOCAL/apt.log" 2>&1 \
      || die "apt-get install ${missing[*]} failed, see $LOCAL/apt.log"
  fi
}

# ---------------------------------------------------------------------------------------------
# Configuration kept across runs

random_secret() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

load_conf() {
  if [ -f "$CONF" ]; then
    # shellcheck disable=SC1090
    . "$CONF"
    ensure_smtp_port
    return
  fi
  mkdir -p "$LOCAL"
  local hash
  hash=$(printf '%s' "$ROOT" | md5sum | cut -c1-8)
  cat >"$CONF" <<EOF
PG_PORT=${P2G_STACK_PG_PORT:-55432}
AMQP_PORT=${P2G_STACK_AMQP_PORT:-55672}
AMQPS_PORT=${P2G_STACK_AMQPS_PORT:-55671}
DIST_PORT=${P2G_STACK_DIST_PORT:-55682}
EPMD_PORT=${P2G_STACK_EPMD_PORT:-55369}
MQ_NODE=p2g-$hash@localhost
PG_ADMIN_PASSWORD=$(random_secret)
PG_SERVICE_PASSWORD=$(random_secret)
MQ_PASSWORD=$(random_secret)
MQ_COOKIE=$(random_secret)
EOF
  chmod 600 "$CONF"
  # shellcheck disable=SC1090
  . "$CONF"
  ensure_smtp_port
}

# The SMTP server came after the first stacks: a configuration without its port gets one.
ensure_smtp_port() {
  [ -n "${SMTP_PORT:-}" ] && return 0
  SMTP_PORT=${P2G_STACK_SMTP_PORT:-55025}
  printf 'SMTP_PORT=%s\n' "$SMTP_PORT" >>"$CONF"
}

# Roles and databases: one per service, plus one for the test suite.
SERVICE_DATABASES=(p2g_registry p2g_matching p2g_scheduling p2g_notifications p2g_test)
# Virtual hosts: the system's and the test suite's.
VHOSTS=(p2g p2g_test)
# The services with a broker user of their own (p2g_<service>); p2g itself is the operator's.
BROKER_SERVICES=(registry matching scheduling notifications)

# The database URLs ask for sessions without TLS: on loopback it only costs processor time
# (a third of the pipeline benchmark's latency at 1,000 events/s). The server still speaks
# TLS to a client that asks, e.g. with sslmode=require in its URL.
write_env_file() {
  local pw=$PG_SERVICE_PASSWORD base="127.0.0.1:$PG_PORT" plain="sslmode=disable"
  cat >"$ENV_FILE" <<EOF
P2G_STACK_PG_PORT=$PG_PORT
P2G_STACK_AMQP_PORT=$AMQP_PORT
P2G_STACK_AMQPS_PORT=$AMQPS_PORT
P2G_STACK_SMTP_PORT=$SMTP_PORT
P2G_STACK_SMTP_STORE=$SMTP_DIR/messages
P2G_SMTP_URL=smtp://127.0.0.1:$SMTP_PORT
P2G_ADMIN_DATABASE_URL=postgresql://p2g_admin:$PG_ADMIN_PASSWORD@$base/postgres?$plain
P2G_REGISTRY_DATABASE_URL=postgresql://p2g_registry:$pw@$base/p2g_registry?$plain
P2G_MATCHING_DATABASE_URL=postgresql://p2g_matching:$pw@$base/p2g_matching?$plain
P2G_SCHEDULING_DATABASE_URL=postgresql://p2g_scheduling:$pw@$base/p2g_scheduling?$plain
P2G_NOTIFICATIONS_DATABASE_URL=postgresql://p2g_notifications:$pw@$base/p2g_notifications?$plain
P2G_TEST_DATABASE_URL=postgresql://p2g_test:$pw@$base/p2g_test?$plain
P2G_AMQP_URL=amqp://p2g:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g
P2G_TEST_AMQP_URL=amqp://p2g:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g_test
P2G_REGISTRY_AMQP_URL=amqp://p2g_registry:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g
P2G_MATCHING_AMQP_URL=amqp://p2g_matching:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g
P2G_SCHEDULING_AMQP_URL=amqp://p2g_scheduling:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g
P2G_NOTIFICATIONS_AMQP_URL=amqp://p2g_notifications:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g
P2G_TEST_REGISTRY_AMQP_URL=amqp://p2g_registry:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g_test
P2G_TEST_MATCHING_AMQP_URL=amqp://p2g_matching:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g_test
P2G_TEST_SCHEDULING_AMQP_URL=amqp://p2g_scheduling:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g_test
P2G_TEST_NOTIFICATIONS_AMQP_URL=amqp://p2g_notifications:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/p2g_test
P2G_TEST_AMQPS_URL=amqps://p2g:$MQ_PASSWORD@localhost:$AMQPS_PORT/p2g_test
P2G_TLS_CA_FILE=$TLS_DIR/ca.pem
P2G_AUTH_KEY_FILE=$AUTH_KEY_FILE
EOF
}

# One HMAC key for the local stack's tokens, made once: `<key id> <base64 secret>`.
ensure_auth_keys() {
  [ -f "$AUTH_KEY_FILE" ] && return 0
  mkdir -p "$(dirname "$AUTH_KEY_FILE")"
  (umask 077 && printf 'local-%s %s\n' "$(date +%Y%m%d)" "$(openssl rand -base64 48 | tr -d '\n')" >"$AUTH_KEY_FILE")
}

# ---------------------------------------------------------------------------------------------
# TLS: a local certificate authority and one server certificate for localhost and 127.0.0.1

ensure_tls() {
  [ -f "$TLS_DIR/server.pem" ] && return 0
  mkdir -p "$TLS_DIR"
  (
    cd "$TLS_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=p2g local stack CA" \
      -keyout ca.key -out ca.pem >/dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr >/dev/null 2>&1
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile server.ext -out server.pem >/dev/null 2>&1
    rm -f server.csr server.ext
  ) || die "could not create the local TLS certificates with openssl"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL

as_pg_owner() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# As root, PostgreSQL runs as `postgres`, which must be able to reach .local/postgres: give
# every ancestor directory the search bit (not read) where it lacks it.
open_path_for_postgres() {
  is_root || return 0
  local dir=$PG_DIR
  while [ "$dir" != / ]; do
    dir=$(dirname "$dir")
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      chmod o+x "$dir"
      say "gave others search access to $dir so that the postgres user can reach its data"
    fi
  done
}

pg_ctl_run() { as_pg_owner "$(pg_bindir)/pg_ctl" -D "$PG_DIR/data" "$@"; }

pg_running() { [ -f "$PG_DIR/data/PG_VERSION" ] && pg_ctl_run status >/dev/null 2>&1; }

admin_psql() {
  PGPASSWORD=$PG_ADMIN_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" \
    -U p2g_admin -d postgres "$@"
}

init_postgres() {
  [ -f "$PG_DIR/data/PG_VERSION" ] && return 0
  say "creating the PostgreSQL cluster in $PG_DIR/data"
  mkdir -p "$PG_DIR/data" "$PG_DIR/run"
  printf '%s\n' "$PG_ADMIN_PASSWORD" >"$PG_DIR/admin-password"
  cp "$TLS_DIR/server.pem" "$PG_DIR/server.crt"
  cp "$TLS_DIR/server.key" "$PG_DIR/server.key"
  chmod 700 "$PG_DIR" "$PG_DIR/data" "$PG_DIR/run"
  chmod 600 "$PG_DIR/admin-password" "$PG_DIR/server.key"
  if is_root; then chown -R postgres: "$PG_DIR"; fi
  open_path_for_postgres
  as_pg_owner "$(pg_bindir)/initdb" -D "$PG_DIR/data" -U p2g_admin --pwfile="$PG_DIR/admin-password" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
    >"$PG_DIR/initdb.log" 2>&1 || die "initdb failed, see $PG_DIR/initdb.log"
  rm -f "$PG_DIR/admin-password"
  cat >>"$PG_DIR/data/postgresql.conf" <<EOF

# p2g local stack
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR/run'
max_connections = 300
ssl = on
ssl_cert_file = '$PG_DIR/server.crt'
ssl_key_file = '$PG_DIR/server.key'
logging_collector = off
EOF
}

# Settings added after a cluster was first created are appended to its configuration here, so
# that an existing stack gets them on its next start. track_commit_timestamp lets the pipeline
# benchmark read when each transaction committed, instead of watching for every row.
ensure_postgres_settings() {
  grep -q '^track_commit_timestamp' "$PG_DIR/data/postgresql.conf" && return 0
  printf '%s\n' 'track_commit_timestamp = on' >>"$PG_DIR/data/postgresql.conf"
  if [ "${1:-}" != restarting ] && pg_running; then
    say "PostgreSQL records commit times from its next restart: deploy/stack.sh restart postgres"
  fi
}

start_postgres() {
  ensure_postgres_settings
  if pg_running; then
    say "PostgreSQL already runs on 127.0.0.1:$PG_PORT"
    return 0
  fi
  open_path_for_postgres
  pg_ctl_run -l "$PG_DIR/postgres.log" -w -t 60 start >/dev/null \
    || die "PostgreSQL did not start, see $PG_DIR/postgres.log (is port $PG_PORT taken?)"
  say "PostgreSQL runs on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  if pg_running; then
    pg_ctl_run -m fast -w -t 60 stop >/dev/null
    say "PostgreSQL stopped"
  fi
}

create_databases() {
  local db
  for db in "${SERVICE_DATABASES[@]}"; do
    admin_psql -v role="$db" -v pw="$PG_SERVICE_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'role', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'role', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'role') \gexec
SQL
  done
  # Least privilege: a service's role connects to its own database only, and creates none.
  for db in "${SERVICE_DATABASES[@]}"; do
    [ "$db" = p2g_test ] && continue
    admin_psql -v db="$db" <<'SQL'
SELECT format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('ALTER ROLE %I NOCREATEDB', :'db') \gexec
SQL
  done
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ

mq_env() {
  export HOME="$MQ_DIR/home"
  export RABBITMQ_NODENAME="$MQ_NODE"
  export RABBITMQ_USE_LONGNAME=false
  export RABBITMQ_DIST_PORT="$DIST_PORT"
  export ERL_EPMD_PORT="$EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_CONF_ENV_FILE="$MQ_DIR/rabbitmq-env.conf"
  export RABBITMQ_CONFIG_FILE="$MQ_DIR/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$MQ_DIR/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$MQ_DIR/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$MQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$MQ_DIR/log"
  export RABBITMQ_PID_FILE="$MQ_DIR/rabbitmq.pid"
  # A sleeping scheduler is woken only when the awake ones have a real queue of work: a
  # steady trickle of messages then stays on one scheduler, and the broker takes 18% less
  # processor time per event at 1,000 events/s (the same in bulk) from the cores it shares
  # with PostgreSQL and the services. (Idle schedulers already sleep at once without spinning:
  # RabbitMQ starts Erlang with +sbwt none.)
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +swt very_high"
}

mqctl() { (mq_env; "$MQ_BIN/rabbitmqctl" -n "$MQ_NODE" "$@"); }

init_rabbitmq() {
  mkdir -p "$MQ_DIR/home" "$MQ_DIR/mnesia" "$MQ_DIR/log"
  if [ ! -f "$MQ_DIR/home/.erlang.cookie" ]; then
    printf '%s' "$MQ_COOKIE" >"$MQ_DIR/home/.erlang.cookie"
    chmod 400 "$MQ_DIR/home/.erlang.cookie"
  fi
  : >"$MQ_DIR/rabbitmq-env.conf"
  printf '[].\n' >"$MQ_DIR/enabled_plugins"
  cat >"$MQ_DIR/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$AMQP_PORT
listeners.ssl.1 = 127.0.0.1:$AMQPS_PORT
ssl_options.cacertfile = $TLS_DIR/ca.pem
ssl_options.certfile = $TLS_DIR/server.pem
ssl_options.keyfile = $TLS_DIR/server.key
ssl_options.verify = verify_none
ssl_options.fail_if_no_peer_cert = false
log.console = false
log.file.level = info
EOF
}

mq_running() { mqctl ping >/dev/null 2>&1; }

start_rabbitmq() {
  if mq_running; then
    say "RabbitMQ already runs on 127.0.0.1:$AMQP_PORT (node $MQ_NODE)"
    return 0
  fi
  rm -f "$MQ_DIR/rabbitmq.pid"
  (mq_env; cd "$MQ_DIR"; setsid nohup "$MQ_BIN/rabbitmq-server" >>"$MQ_DIR/server.out" 2>&1 </dev/null &)
  local waited=0
  while [ ! -s "$MQ_DIR/rabbitmq.pid" ] && [ $waited -lt 60 ]; do sleep 1; waited=$((waited + 1)); done
  mqctl wait --timeout 120 "$MQ_DIR/rabbitmq.pid" >/dev/null 2>&1 \
    || die "RabbitMQ did not start, see $MQ_DIR/server.out and $MQ_DIR/log (are ports $AMQP_PORT, $DIST_PORT free?)"
  say "RabbitMQ runs on 127.0.0.1:$AMQP_PORT, TLS on $AMQPS_PORT (node $MQ_NODE)"
}

stop_rabbitmq() {
  if mq_running; then
    local pid
    pid=$(cat "$MQ_DIR/rabbitmq.pid" 2>/dev/null || true)
    mqctl shutdown >/dev/null 2>&1 || mqctl stop >/dev/null 2>&1 || true
    # A shutdown that gave up waiting can leave the node still stopping, answering pings for a
    # few more seconds: a start right after would take it for running, and then it is gone.
    # So wait until the process has ended, and end it if it will not.
    local waited=0
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $waited -lt 60 ]; do sleep 1; waited=$((waited + 1)); done
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
      sleep 1
    fi
    say "RabbitMQ stopped"
  fi
}

# p2g.dead and p2g.retry were direct exchanges before they became topic exchanges (so that
# topic permissions can hold each service to its own routing keys). A broker that still has
# the direct ones loses them here; the services declare them anew, with their bindings, at
# start. Parked and delayed messages stay in their queues.
retype_exchanges() {
  local vhost exchange
  for vhost in "${VHOSTS[@]}"; do
    for exchange in p2g.dead p2g.retry; do
      if mqctl -q list_exchanges -p "$vhost" name type | grep -q "^$exchange[[:space:]]direct\$"; then
        mqctl eval "rabbit_exchange:delete(rabbit_misc:r(<<\"$vhost\">>, exchange, <<\"$exchange\">>), false, <<\"p2g-stack\">>)." >/dev/null
        say "exchange $exchange in vhost $vhost was direct; deleted for the services to declare it as a topic exchange"
      fi
    done
  done
}

create_vhosts() {
  if ! mqctl -q list_users | awk '{print $1}' | grep -qx p2g; then
    mqctl add_user p2g "$MQ_PASSWORD" >/dev/null
  fi
  mqctl change_password p2g "$MQ_PASSWORD" >/dev/null
  local vhost
  for vhost in "${VHOSTS[@]}"; do
    if ! mqctl -q list_vhosts | grep -qx "$vhost"; then
      mqctl add_vhost "$vhost" >/dev/null
    fi
    mqctl set_permissions -p "$vhost" p2g '.*' '.*' '.*' >/dev/null
  done
  # Least privilege: each service's own user may declare, write and read its own queues and
  # the shared exchanges, publish events under its own name only, and send no commands.
  local service
  for service in "${BROKER_SERVICES[@]}"; do
    if ! mqctl -q list_users | awk '{print $1}' | grep -qx "p2g_$service"; then
      mqctl add_user "p2g_$service" "$MQ_PASSWORD" >/dev/null
    fi
    mqctl change_password "p2g_$service" "$MQ_PASSWORD" >/dev/null
    # No write to the default exchange, which reaches every queue by name; on the topic
    # exchanges, routing keys under the service's own name only.
    local own="^($service\\..*|p2g\\.(events|commands|dead|retry))\$"
    for vhost in "${VHOSTS[@]}"; do
      mqctl set_permissions -p "$vhost" "p2g_$service" "$own" "$own" "$own" >/dev/null
      mqctl set_topic_permissions -p "$vhost" "p2g_$service" p2g.events "^$service\\." '.*' >/dev/null
      mqctl set_topic_permissions -p "$vhost" "p2g_$service" p2g.commands '^$' '.*' >/dev/null
      mqctl set_topic_permissions -p "$vhost" "p2g_$service" p2g.retry "^$service\\." '.*' >/dev/null
      mqctl set_topic_permissions -p "$vhost" "p2g_$service" p2g.dead "^$service\$" '.*' >/dev/null
    done
  done
}

# ---------------------------------------------------------------------------------------------
# SMTP: deploy/smtp-sink.py (aiosmtpd) stores every message it receives under .local/smtp/messages

smtp_running() {
  [ -f "$SMTP_DIR/smtp-sink.pid" ] && kill -0 "$(cat "$SMTP_DIR/smtp-sink.pid")" 2>/dev/null
}

start_smtp() {
  if smtp_running; then
    say "the SMTP server already runs on 127.0.0.1:$SMTP_PORT"
    return 0
  fi
  mkdir -p "$SMTP_DIR/messages"
  (setsid nohup /usr/bin/python3 "$ROOT/deploy/smtp-sink.py" --port "$SMTP_PORT" --store "$SMTP_DIR/messages" \
    >>"$SMTP_DIR/smtp-sink.log" 2>&1 </dev/null & echo $! >"$SMTP_DIR/smtp-sink.pid")
  local waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; do
    [ $waited -lt 50 ] || die "the SMTP server did not start, see $SMTP_DIR/smtp-sink.log (is port $SMTP_PORT taken?)"
    sleep 0.2
    waited=$((waited + 1))
  done
  say "the SMTP server runs on 127.0.0.1:$SMTP_PORT, storing messages in $SMTP_DIR/messages"
}

stop_smtp() {
  if smtp_running; then
    kill "$(cat "$SMTP_DIR/smtp-sink.pid")" 2>/dev/null || true
    rm -f "$SMTP_DIR/smtp-sink.pid"
    say "the SMTP server stopped"
  fi
}

# ---------------------------------------------------------------------------------------------
# Commands

print_env() {
  sed "s/^\([A-Z0-9_]*\)=\(.*\)\$/export \1='\2'/" "$ENV_FILE"
}

cmd_up() {
  mkdir -p "$LOCAL"
  install_missing_packages
  load_conf
  ensure_tls
  ensure_auth_keys
  init_postgres
  start_postgres
  create_databases
  init_rabbitmq
  start_rabbitmq
  create_vhosts
  retype_exchanges
  start_smtp
  write_env_file
  say "ready; the environment (also in .local/stack.env):"
  print_env
}

cmd_down() {
  [ -f "$CONF" ] || { say "nothing to stop: no stack under $LOCAL"; return 0; }
  load_conf
  stop_smtp
  stop_rabbitmq
  stop_postgres
}

cmd_status() {
  [ -f "$CONF" ] || { say "no stack under $LOCAL; run: deploy/stack.sh up"; return 3; }
  load_conf
  local rc=0
  if pg_running; then say "PostgreSQL: running on 127.0.0.1:$PG_PORT"; else say "PostgreSQL: stopped"; rc=3; fi
  if mq_running; then say "RabbitMQ:   running on 127.0.0.1:$AMQP_PORT (node $MQ_NODE)"; else say "RabbitMQ:   stopped"; rc=3; fi
  if smtp_running; then say "SMTP:       running on 127.0.0.1:$SMTP_PORT"; else say "SMTP:       stopped"; rc=3; fi
  return $rc
}

cmd_restart() {
  [ -f "$CONF" ] || die "no stack under $LOCAL; run: deploy/stack.sh up"
  load_conf
  case "${1:-all}" in
    postgres)
      ensure_postgres_settings restarting
      if pg_running; then
        pg_ctl_run -m fast -w -t 60 restart -l "$PG_DIR/postgres.log" >/dev/null
        say "PostgreSQL restarted"
      else
        start_postgres
      fi
      ;;
    rabbitmq)
      stop_rabbitmq
      start_rabbitmq
      ;;
    all)
      cmd_restart postgres
      cmd_restart rabbitmq
      ;;
    *) die "restart what? postgres, rabbitmq or all (got '$1')" ;;
  esac
}

# PostgreSQL stopped without a clean shutdown, then started again: crash recovery runs.
cmd_crash() {
  [ -f "$CONF" ] || die "no stack under $LOCAL; run: deploy/stack.sh up"
  load_conf
  [ "${1:-}" = postgres ] || die "crash what? postgres (got '${1:-}')"
  pg_running || die "PostgreSQL is not running"
  case "${2:-}" in
    immediate) pg_ctl_run -m immediate -w -t 60 stop >/dev/null ;;
    kill)
      local pid owner
      pid=$(head -n 1 "$PG_DIR/data/postmaster.pid")
      owner=$(stat -c %U "$PG_DIR/data")
      kill -KILL "$pid"
      for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      # Its backends notice the postmaster is gone and exit; a new one cannot start while they
      # still hold the shared memory.
      for _ in $(seq 1 100); do
        pgrep -u "$owner" -f '^postgres: ' >/dev/null 2>&1 || break
        sleep 0.1
      done
      rm -f "$PG_DIR/data/postmaster.pid"
      ;;
    *) die "crash postgres how? immediate or kill (got '${2:-}')" ;;
  esac
  say "PostgreSQL stopped ($2)"
  start_postgres
}

cmd_reset() {
  cmd_down
  rm -rf "$LOCAL"
  say "removed $LOCAL"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  restart) cmd_restart "${2:-all}" ;;
  crash) cmd_crash "${2:-}" "${3:-}" ;;
  rabbitmqctl)
    [ -f "$CONF" ] || die "no stack under $LOCAL; run: deploy/stack.sh up"
    load_conf
    shift
    mqctl "$@"
    ;;
  env)
    [ -f "$ENV_FILE" ] || die "no stack under $LOCAL; run: deploy/stack.sh up"
    print_env
    ;;
  reset) cmd_reset ;;
  *)
    sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
