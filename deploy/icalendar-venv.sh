#!/usr/bin/env bash
# Installs Python's icalendar (from PyPI) into .local/icalendar, once, and prints the path of
# that environment's python. The scheduling tests read the service's iCalendar feeds back with
# it, an RFC 5545 parser independent of the service's writer. Needs python3-venv, which
# deploy/stack.sh's install step installs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.local/icalendar"
ICALENDAR_VERSION=7.3.2
if ! "$VENV/bin/python" -c "import icalendar, sys; sys.exit(icalendar.__version__ != '$ICALENDAR_VERSION')" >/dev/null 2>&1; then
  mkdir -p "$ROOT/.local"
  # Two test processes may get here at once: one installs, the other waits for it.
  exec 9>"$ROOT/.local/icalendar.lock"
  flock 9
  if ! "$VENV/bin/python" -c "import icalendar, sys; sys.exit(icalendar.__version__ != '$ICALENDAR_VERSION')" >/dev/null 2>&1; then
    python3 -m venv "$VENV" >&2 || { echo "icalendar-venv: python3 -m venv failed: install python3-venv (deploy/stack.sh up does)" >&2; exit 1; }
    "$VENV/bin/pip" install -q "icalendar==$ICALENDAR_VERSION" >&2 || { echo "icalendar-venv: pip could not install icalendar" >&2; exit 1; }
  fi
fi
printf '%s\n' "$VENV/bin/python"
