#!/usr/bin/env bash
# The main job: the whole system on this machine, with sample data.
#
#   deploy/run.sh          bring up the local stack, build, start the four services in the
#                          background (reusing those already running and ready), import the
#                          sample data (deploy/sample-data/*.csv) with p2gctl import, wait for
#                          the communities' events to reach the other three services, and show
#                          what each service holds, the partnerships and their committees,
#                          the New Orleans conference, then run the needs-assessment cycle of
#                          the Western Negev communities with shortened durations (a progress
#                          line per pairing, then each pairing's timeline and the e-mails the
#                          SMTP server received; deploy/sample-data/cycle.py)
#   deploy/run.sh stop     stop the services (SIGTERM, wait) and report their exit codes
#   deploy/run.sh status   which services run, where, and whether they are ready
#   deploy/run.sh env      the environment for p2gctl and curl, as export lines:
#                          eval "$(deploy/run.sh env)"
#
# The services listen on 127.0.0.1, ports 8081 (registry) to 8084 (notifications); set
# P2G_REGISTRY_HTTP_PORT, P2G_MATCHING_HTTP_PORT, P2G_SCHEDULING_HTTP_PORT or
# P2G_NOTIFICATIONS_HTTP_PORT for others. Other P2G_* settings (P2G_LOG_LEVEL, P2G_LOG_FORMAT,
# ...) pass through. Logs: .local/logs/<executable>.log; pids, ports and exit codes: .local/run/.
# `stop` leaves PostgreSQL and RabbitMQ running: `deploy/stack.sh down` stops them.
# P2G_STACK_ENV=<file>: use the running stack that file describes (a stack.env, e.g. another
# checkout's .local/stack.env) instead of bringing up this checkout's own.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL="$ROOT/.local"
LOGS="$LOCAL/logs"
RUN="$LOCAL/run"
SAMPLE="$ROOT/deploy/sample-data"
SERVICES=(registry matching scheduling notifications)
# The needs-assessment cycle's durations for the demo: minutes instead of three years (each can
# be set before running; pairing-matching reads them when it starts).
export P2G_WORKFLOW_MATCHING_DELAY=${P2G_WORKFLOW_MATCHING_DELAY:-5s}
export P2G_WORKFLOW_AUTO_CONFIRM=${P2G_WORKFLOW_AUTO_CONFIRM:-communities2gether}
export P2G_WORKFLOW_MEETING_REMINDER=${P2G_WORKFLOW_MEETING_REMINDER:-30d}
export P2G_WORKFLOW_ASSESSMENT_DUE=${P2G_WORKFLOW_ASSESSMENT_DUE:-40s}
export P2G_WORKFLOW_ESCALATE_AFTER=${P2G_WORKFLOW_ESCALATE_AFTER:-10s}
export P2G_WORKFLOW_ROAD_MAP_DUE=${P2G_WORKFLOW_ROAD_MAP_DUE:-1h}
export P2G_WORKFLOW_FUNDING_DUE=${P2G_WORKFLOW_FUNDING_DUE:-1h}
export P2G_WORKFLOW_REASSESSMENT_EVERY=${P2G_WORKFLOW_REASSESSMENT_EVERY:-75s}
export P2G_WORKFLOW_CYCLE=${P2G_WORKFLOW_CYCLE:-120s}
# Seconds a service may take to become ready, and to stop after SIGTERM.
READY_SECONDS=${P2G_READY_SECONDS:-120}
STOP_SECONDS=${P2G_STOP_SECONDS:-40}

say() { printf 'run: %s\n' "$*" >&2; }
die() { printf 'run: error: %s\n' "$*" >&2; exit 1; }

executable() {
  case $1 in
    registry) echo community-registry ;;
    matching) echo pairing-matching ;;
    scheduling) echo program-scheduling ;;
    notifications) echo notifications ;;
  esac
}

default_port() {
  case $1 in
    registry) echo 8081 ;;
    matching) echo 8082 ;;
    scheduling) echo 8083 ;;
    notifications) echo 8084 ;;
  esac
}

upper() { printf '%s' "$1" | tr '[:lower:]' '[:upper:]'; }

# The port a service is asked to listen on now.
wanted_port() {
  local variable
  variable="P2G_$(upper "$1")_HTTP_PORT"
  local port=${!variable:-$(default_port "$1")}
  [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "$variable is not a port number: '$port'"
  echo "$port"
}

# The port a running service listens on (as started), else the wanted one.
current_port() {
  local file="$RUN/$(executable "$1").port"
  if [ -f "$file" ]; then cat "$file"; else wanted_port "$1"; fi
}

url_of() { echo "http://127.0.0.1:$(current_port "$1")"; }

# ---------------------------------------------------------------------------------------------
# Tools

ensure_tools() {
  local missing=()
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v setsid >/dev/null 2>&1 || missing+=(util-linux)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing from Debian's packages: ${missing[*]}"
  local apt=(apt-get)
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing ${missing[*]}: install them as root (apt-get install ${missing[*]}) and run again"
    apt=(sudo -n apt-get)
  fi
  mkdir -p "$LOCAL"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >"$LOCAL/apt-run.log" 2>&1; then
    "${apt[@]}" update >>"$LOCAL/apt-run.log" 2>&1 || die "apt-get update failed, see $LOCAL/apt-run.log"
    "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >>"$LOCAL/apt-run.log" 2>&1 \
      || die "apt-get install ${missing[*]} failed, see $LOCAL/apt-run.log"
  fi
}

# ---------------------------------------------------------------------------------------------
# Processes

pid_of() {
  local file="$RUN/$(executable "$1").pid"
  [ -s "$file" ] && cat "$file"
}

# Whether the pid runs this service's executable from this repository's build (a pid file can
# outlive its process, and the pid be reused by another program: never signal that one).
is_ours() {
  local pid=$1 exe=$2 program
  [ -r "/proc/$pid/cmdline" ] || return 1
  program=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n 1) || return 1
  [[ $program == "$ROOT/.build/"*"/$exe" ]]
}

running_pid() {
  local pid
  pid=$(pid_of "$1") || return 1
  is_ours "$pid" "$(executable "$1")" && echo "$pid"
}

# Whether the binary was rebuilt since the process started (Linux shows the old file deleted).
was_rebuilt() {
  local target
  target=$(readlink "/proc/$1/exe" 2>/dev/null) || return 1
  [[ $target == *" (deleted)" ]]
}

is_ready() { curl -fsS -m 2 -o /dev/null "$(url_of "$1")/health/ready" 2>/dev/null; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The last lines this run's process wrote to its log.
log_tail() {
  local log="$LOGS/$(executable "$1").log"
  say "the last lines of $log:"
  awk '/^==== .* started by deploy\/run.sh/ { n = 0; next } { lines[n++] = $0 }
       END { for (i = (n > 25 ? n - 25 : 0); i < n; i++) print "    " lines[i] }' "$log" >&2 2>/dev/null || true
}

exit_code_of() {
  local file="$RUN/$(executable "$1").exit" waited=0
  while [ ! -s "$file" ] && [ $waited -lt 20 ]; do sleep 0.1; waited=$((waited + 1)); done
  if [ -s "$file" ]; then cat "$file"; else echo unknown; fi
}

start_service() {
  local service=$1 exe port
  exe=$(executable "$service")
  port=$(wanted_port "$service")
  if port_taken "$port"; then
    die "port $port is taken by another program: set P2G_$(upper "$service")_HTTP_PORT to a free port for $exe and run again"
  fi
  local database_variable="P2G_$(upper "$service")_DATABASE_URL"
  # Each service's own broker user (least privilege), from deploy/stack.sh's environment.
  local broker_variable="P2G_$(upper "$service")_AMQP_URL"
  rm -f "$RUN/$exe.pid" "$RUN/$exe.exit"
  echo "$port" >"$RUN/$exe.port"
  printf '\n==== %s started by deploy/run.sh on port %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$port" >>"$LOGS/$exe.log"
  # The service runs under a small shell of its own session (not stopped by a Ctrl-C here) that
  # records its pid and, when it ends, its exit code.
  P2G_DATABASE_URL=${!database_variable} P2G_AMQP_URL=${!broker_variable:-$P2G_AMQP_URL} P2G_HTTP_HOST=127.0.0.1 P2G_HTTP_PORT=$port \
    P2G_METRICS_PORT=$((port + 1000)) P2G_AUTH_KEY_FILE=$P2G_AUTH_KEY_FILE \
    setsid bash -c '"$1" & echo $! >"$2"; wait $!; echo $? >"$3"' p2g-service "$BIN/$exe" "$RUN/$exe.pid" "$RUN/$exe.exit" \
    >>"$LOGS/$exe.log" 2>&1 </dev/null &
  local waited=0
  while [ ! -s "$RUN/$exe.pid" ] && [ $waited -lt 50 ]; do sleep 0.1; waited=$((waited + 1)); done
  [ -s "$RUN/$exe.pid" ] || die "$exe did not start; see $LOGS/$exe.log"
  STARTED+=("$service")
  say "started $exe (pid $(cat "$RUN/$exe.pid"), http://127.0.0.1:$port, log .local/logs/$exe.log)"
}

# SIGTERM, then wait for the exit code; SIGKILL after STOP_SECONDS.
stop_service() {
  local service=$1 exe pid
  exe=$(executable "$service")
  if ! pid=$(running_pid "$service"); then
    if [ -s "$RUN/$exe.exit" ]; then
      say "$exe was not running (it had exited with $(cat "$RUN/$exe.exit"))"
    else
      say "$exe was not running"
    fi
    rm -f "$RUN/$exe.pid" "$RUN/$exe.port"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt $((STOP_SECONDS * 10)) ]; do sleep 0.1; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    say "$exe (pid $pid) did not stop within ${STOP_SECONDS}s of SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  local code
  code=$(exit_code_of "$service")
  if [ "$code" = 0 ]; then
    say "$exe stopped (pid $pid, exit code 0)"
  else
    say "$exe stopped (pid $pid, exit code $code; see .local/logs/$exe.log)"
  fi
  rm -f "$RUN/$exe.pid" "$RUN/$exe.port"
}

# Stops what this run started, when it fails or is interrupted before the services are ready.
STARTED=()
stop_started() {
  local status=${1:-$?}
  trap - INT TERM EXIT
  if [ ${#STARTED[@]} -gt 0 ]; then
    say "stopping what this run started: ${STARTED[*]}"
    local service
    for service in "${STARTED[@]}"; do stop_service "$service"; done
  fi
  exit "$status"
}

wait_until_ready() {
  local started=$SECONDS service pending=("${SERVICES[@]}")
  while [ ${#pending[@]} -gt 0 ]; do
    local still=()
    for service in "${pending[@]}"; do
      if ! running_pid "$service" >/dev/null; then
        if [ -t 2 ]; then printf '\r\033[K' >&2; fi
        local exe
        exe=$(executable "$service")
        say "$exe exited with code $(exit_code_of "$service") while starting"
        log_tail "$service"
        return 1
      fi
      is_ready "$service" || still+=("$service")
    done
    pending=("${still[@]+"${still[@]}"}")
    [ ${#pending[@]} -eq 0 ] && break
    if [ $((SECONDS - started)) -ge "$READY_SECONDS" ]; then
      if [ -t 2 ]; then printf '\r\033[K' >&2; fi
      for service in "${pending[@]}"; do
        say "$(executable "$service") is not ready after ${READY_SECONDS}s: $(curl -sS -m 2 "$(url_of "$service")/health/ready" 2>&1 || true)"
        log_tail "$service"
      done
      return 1
    fi
    if [ -t 2 ]; then
      printf '\r\033[Krun: waiting for the services to be ready: %s (%ss)' "${pending[*]}" $((SECONDS - started)) >&2
    fi
    sleep 0.5
  done
  if [ -t 2 ]; then printf '\r\033[K' >&2; fi
  say "all four services are ready ($((SECONDS - started))s)"
}

# ---------------------------------------------------------------------------------------------
# Build

build() {
  say "building with swift build (a first build takes several minutes; the whole output goes to .local/logs/build.log)"
  local started=$SECONDS
  # Without the P2G_* settings, which are for the services: SwiftPM rebuilds some modules
  # (HummingbirdCore) whenever the environment changes.
  local unset_settings=() name
  for name in $(compgen -e | grep '^P2G_' || true); do unset_settings+=(-u "$name"); done
  if ! env "${unset_settings[@]}" swift build 2>&1 | tee "$LOGS/build.log" | show_build_progress; then
    say "the build failed; its last lines:"
    tail -n 30 "$LOGS/build.log" | sed 's/^/    /' >&2
    exit 1
  fi
  BIN=$(env "${unset_settings[@]}" swift build --show-bin-path)
  say "built in $((SECONDS - started))s: $BIN"
}

# The compiler's hundreds of lines as one progress line on a terminal, or a line every 100
# steps in a log; errors as they come.
show_build_progress() {
  local line columns=100
  if [ -t 2 ]; then columns=$(tput cols 2>/dev/null || echo 100); fi
  while IFS= read -r line; do
    if [[ $line == *error:* ]]; then
      if [ -t 2 ]; then printf '\r\033[K' >&2; fi
      printf '%s\n' "$line" >&2
    elif [[ $line =~ ^\[([0-9]+)/([0-9]+)\] ]]; then
      if [ -t 2 ]; then
        printf '\r\033[Krun: %.*s' $((columns - 6)) "$line" >&2
      elif [ "${BASH_REMATCH[1]}" -gt 0 ] && [ $((BASH_REMATCH[1] % 100)) -eq 0 ]; then
        say "build step ${BASH_REMATCH[1]} of ${BASH_REMATCH[2]}"
      fi
    fi
  done
  if [ -t 2 ]; then printf '\r\033[K' >&2; fi
}

# The stack's URLs as shell variables, not exported: each service gets only its own database.
stack_env_file() { echo "${P2G_STACK_ENV:-$LOCAL/stack.env}"; }

load_stack_env() {
  [ -f "$(stack_env_file)" ] || die "no stack described by $(stack_env_file); run deploy/run.sh (or deploy/stack.sh up) first"
  # shellcheck disable=SC1090
  . "$(stack_env_file)"
}

# ---------------------------------------------------------------------------------------------
# Commands

cmd_up() {
  cd "$ROOT"
  mkdir -p "$LOGS" "$RUN"
  ensure_tools
  local service
  for service in "${SERVICES[@]}"; do wanted_port "$service" >/dev/null; done
  if [ -n "${P2G_STACK_ENV:-}" ]; then
    say "using the stack that $P2G_STACK_ENV describes (P2G_STACK_ENV)"
  else
    say "bringing up PostgreSQL and RabbitMQ (deploy/stack.sh up)"
    # Its progress lines, not the environment it prints (the services get theirs from .local/).
    deploy/stack.sh up 2>&1 >/dev/null | sed '/the environment (also in/d' >&2
  fi
  load_stack_env
  build

  trap 'stop_started 130' INT TERM
  trap 'stop_started' EXIT
  for service in "${SERVICES[@]}"; do
    local exe pid
    exe=$(executable "$service")
    if pid=$(running_pid "$service"); then
      if was_rebuilt "$pid"; then
        say "$exe was rebuilt since it started: restarting it"
        stop_service "$service"
      elif [ "$(current_port "$service")" != "$(wanted_port "$service")" ]; then
        say "$exe runs on port $(current_port "$service"), $(wanted_port "$service") is asked for: restarting it"
        stop_service "$service"
      elif is_ready "$service"; then
        say "$exe already runs and is ready (pid $pid, $(url_of "$service")): reusing it"
        continue
      else
        say "$exe runs (pid $pid) but is not ready: restarting it"
        stop_service "$service"
      fi
    fi
    start_service "$service"
  done
  if ! wait_until_ready; then
    exit 1
  fi
  trap - INT TERM EXIT

  local ids="$RUN/sample-ids"
  # The sample data goes in as an Agency coordinator, with a token from the stack's keys.
  P2G_TOKEN=$(P2G_AUTH_KEY_FILE=$P2G_AUTH_KEY_FILE "$BIN/p2gctl" token --role agency-coordinator --subject deploy-run) || exit 1
  export P2G_TOKEN
  say "importing the sample data (deploy/sample-data/*.csv) through $(url_of registry): p2gctl import"
  P2G_REGISTRY_URL=$(url_of registry) "$BIN/p2gctl" import "$SAMPLE" | sed 's/^/  /' || exit 1
  python3 "$ROOT/deploy/sample-data/communities.py" ids "$(url_of registry)" >"$ids" || exit 1
  python3 "$ROOT/deploy/sample-data/communities.py" wait "$ids" \
    "matching=$(url_of matching)" "scheduling=$(url_of scheduling)" "notifications=$(url_of notifications)" || {
    rm -f "$ids"
    show_operator_view
    exit 1
  }
  rm -f "$ids"
  echo
  python3 "$ROOT/deploy/sample-data/communities.py" show \
    "$(url_of registry)" "$(url_of matching)" "$(url_of scheduling)" "$(url_of notifications)"
  echo
  python3 "$ROOT/deploy/sample-data/communities.py" partnerships "$(url_of registry)"
  echo
  python3 "$ROOT/deploy/sample-data/communities.py" conference "$(url_of registry)" "$(url_of scheduling)" || exit 1
  echo
  say "the needs-assessment cycle of the Western Negev communities, three years in $P2G_WORKFLOW_CYCLE (deploy/sample-data/cycle.py)"
  python3 "$ROOT/deploy/sample-data/cycle.py" "$(url_of registry)" "$(url_of matching)" "$P2G_STACK_SMTP_STORE" || exit 1
  echo
  say "the cycles by stage and next deadline: p2gctl workflows"
  (eval "$(cmd_env)" && "$BIN/p2gctl" workflows | sed 's/^/  /') || true
  echo
  show_operator_view
  echo
  say "the services keep running: deploy/run.sh status | stop; logs in .local/logs/"
  say "p2gctl: eval \"\$(deploy/run.sh env)\"; $BIN/p2gctl --help"
}

# p2gctl's view: health and dead-letter queues.
show_operator_view() {
  local env_lines
  env_lines=$(cmd_env)
  (
    eval "$env_lines"
    echo "p2gctl health:"
    "$BIN/p2gctl" health | sed 's/^/  /' || true
    echo
    echo "p2gctl dead-letters:"
    "$BIN/p2gctl" dead-letters | sed 's/^/  /' || true
  )
}

cmd_stop() {
  local service
  # The consumers first, then the registry, whose outbox relay flushes last.
  for service in notifications scheduling matching registry; do stop_service "$service"; done
}

cmd_status() {
  local service rc=0
  for service in "${SERVICES[@]}"; do
    local exe pid
    exe=$(executable "$service")
    if pid=$(running_pid "$service"); then
      if is_ready "$service"; then
        say "$exe: running, ready (pid $pid, $(url_of "$service"))"
      else
        say "$exe: running, NOT ready (pid $pid, $(url_of "$service")): $(curl -sS -m 2 "$(url_of "$service")/health/ready" 2>&1 || true)"
        rc=3
      fi
    elif [ -s "$RUN/$exe.exit" ]; then
      say "$exe: stopped (last exit code $(cat "$RUN/$exe.exit"))"
      rc=3
    else
      say "$exe: stopped"
      rc=3
    fi
  done
  deploy_stack_status || rc=3
  return $rc
}

deploy_stack_status() { "$ROOT/deploy/stack.sh" status; }

cmd_env() {
  [ -f "$(stack_env_file)" ] || die "no stack described by $(stack_env_file); run deploy/run.sh first"
  grep -E '^P2G_(AMQP_URL|AUTH_KEY_FILE|[A-Z]+_DATABASE_URL)=' "$(stack_env_file)" | grep -v '^P2G_ADMIN_\|^P2G_TEST_' | sed "s/^\([A-Z0-9_]*\)=\(.*\)\$/export \1='\2'/"
  local service
  for service in "${SERVICES[@]}"; do
    echo "export P2G_$(upper "$service")_URL=$(url_of "$service")"
  done
}

case "${1:-up}" in
  up | start) cmd_up ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  -h | --help | help)
    sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    ;;
  *)
    sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
