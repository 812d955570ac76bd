#!/usr/bin/env bash
# The whole test suite against real servers: brings up the local stack (installing what is
# missing), builds, and runs every test. Extra arguments go to `swift test`
# (e.g. `deploy/test.sh --filter PostgresTests`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
deploy/stack.sh up >/dev/null
echo "test: building (a first build takes a few minutes)" >&2
swift build --build-tests
# Tests that restart a server must not overlap with tests that use it: run them one at a time.
exec swift test --skip-build --no-parallel "$@"
