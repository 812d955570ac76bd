#!/usr/bin/env bash
# Installs Google OR-Tools (from PyPI) into .local/ortools, once, and prints the path of that
# environment's python. scheduling-optimality-benchmark solves its small instances with OR-Tools'
# CP-SAT to compare the scheduling engine's score with a proven optimum. Needs python3-venv,
# which deploy/stack.sh's install step installs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.local/ortools"
ORTOOLS_VERSION=9.15.6755
installed() {
  "$VENV/bin/python" -c "import ortools, sys; sys.exit(ortools.__version__ != '$ORTOOLS_VERSION')" >/dev/null 2>&1
}
if ! installed; then
  mkdir -p "$ROOT/.local"
  # Two processes may get here at once: one installs, the other waits for it.
  exec 9>"$ROOT/.local/ortools.lock"
  flock 9
  if ! installed; then
    python3 -m venv "$VENV" >&2 || { echo "ortools-venv: python3 -m venv failed: install python3-venv (deploy/stack.sh up does)" >&2; exit 1; }
    "$VENV/bin/pip" install -q "ortools==$ORTOOLS_VERSION" >&2 || { echo "ortools-venv: pip could not install ortools" >&2; exit 1; }
  fi
fi
printf '%s\n' "$VENV/bin/python"
