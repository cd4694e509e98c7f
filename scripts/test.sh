#!/usr/bin/env bash
# `npm test`: the whole suite, ending with exactly one line `N passed, N failed` (exit 1 if N failed > 0).
#   1. services: PostgreSQL + Redis (installed/started if missing and root), Chromium for browser tests,
#      the pgbouncer binary for the PgBouncer tests
#   2. gates: lint, typecheck (each counts as one check)
#   3. jest unit (parallel), jest integration and jest slow (--maxWorkers=2: each file has its own cloned database)
#   4. vitest for the admin app (if apps/admin/vite.config.mts exists)
#   5. scripts/summarize-results.mjs adds it all up
# Every step runs even if an earlier one failed, so one run shows everything that is wrong.
# Env: TANDEM_TEST_TIMEOUT (seconds per runner, default 1800), INT_MAX_WORKERS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
export CI="${CI:-true}"
started=$SECONDS
step() { echo; echo "==> $* [$((SECONDS - started))s]"; }

mkdir -p tmp
rm -f tmp/jest-unit.json tmp/jest-integration.json tmp/jest-slow.json tmp/vitest-results.json

step "services"
# shellcheck source=../infra/scripts/ensure-services.sh
source infra/scripts/ensure-services.sh --with-chromium --with-pgbouncer --with-kubectl || {
  echo "Services are missing: integration tests will fail (counted below)." >&2
}
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

limit="${TANDEM_TEST_TIMEOUT:-1800}"
run() { # exit code of the command, never aborts this script
  local rc=0
  timeout --kill-after=30 "$limit" "$@" || rc=$?
  [ "$rc" = 124 ] && echo "!! timed out after ${limit}s: $*" >&2
  return "$rc"
}

step "lint"
lint_rc=0; run npm run --silent lint || lint_rc=$?
step "typecheck"
tc_rc=0; run npm run --silent typecheck || tc_rc=$?

jest=node_modules/.bin/jest
step "jest unit"
unit_rc=0
run "$jest" --ci --selectProjects unit --passWithNoTests --json --outputFile=tmp/jest-unit.json || unit_rc=$?

step "jest integration"
int_rc=0
run "$jest" --ci --selectProjects integration --passWithNoTests --maxWorkers="${INT_MAX_WORKERS:-2}" --forceExit \
  --json --outputFile=tmp/jest-integration.json || int_rc=$?

step "jest slow (faults, tenant-isolation matrix, fuzz)"
slow_rc=0
run "$jest" --ci --selectProjects slow --passWithNoTests --maxWorkers="${INT_MAX_WORKERS:-2}" --forceExit \
  --json --outputFile=tmp/jest-slow.json || slow_rc=$?

vitest_arg=("--vitest" "vitest admin=apps/admin/vite.config.mts:skip")
if [ -f apps/admin/vite.config.mts ]; then
  step "vitest admin"
  vt_rc=0
  run node_modules/.bin/vitest run --config apps/admin/vite.config.mts --passWithNoTests \
    --reporter=default --reporter=json --outputFile="$PWD/tmp/vitest-results.json" || vt_rc=$?
  vitest_arg=("--vitest" "vitest admin=tmp/vitest-results.json:$vt_rc")
fi

step "summary (total $((SECONDS - started))s)"
node scripts/summarize-results.mjs \
  --gate "lint=$lint_rc" --gate "typecheck=$tc_rc" \
  --jest "jest unit=tmp/jest-unit.json:$unit_rc" \
  --jest "jest integration=tmp/jest-integration.json:$int_rc" \
  --jest "jest slow=tmp/jest-slow.json:$slow_rc" \
  "${vitest_arg[@]}"
