#!/usr/bin/env bash
# The whole test suite against real servers: brings up the local stack (installing what is
# missing), builds, runs every test, then checks that no service log of the end-to-end tests
# holds a contact detail and fuzzes each service's API from its OpenAPI document
# (deploy/fuzz-api.sh). Extra arguments go to `swift test` alone
# (e.g. `deploy/test.sh --filter PostgresTests`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
deploy/stack.sh up >/dev/null
echo "test: building (a first build takes a few minutes)" >&2
swift build --build-tests
# Tests that restart a server must not overlap with tests that use it: run them one at a time.
rm -rf .local/e2e-logs
swift test --skip-build --no-parallel "$@"
[ $# -eq 0 ] || exit 0

# The end-to-end tests' service logs: no e-mail address of the sample data's reserved domains
# (example.org, *.example) and no phone number may appear in any of them.
echo "test: scanning the services' logs for contact details" >&2
if [ -d .local/e2e-logs ]; then
  leaks=$(grep -rEho '[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)*(example\.org|example)\b|\+[0-9][0-9 ]{7,}[0-9]' .local/e2e-logs | sort -u | head -5 || true)
  if [ -n "$leaks" ]; then
    echo "test: contact details in the services' logs (.local/e2e-logs):" >&2
    printf '  %s\n' "$leaks" >&2
    exit 1
  fi
fi
deploy/fuzz-api.sh
