#!/usr/bin/env bash
# Sets up what is missing (including Chromium for the browser tests and PostgreSQL for the storage
# tests) and runs every test. A throwaway PostgreSQL runs for the duration of the build; the
# PostgreSQL tests fail rather than skip if it is missing (-Dpostgres.required=true).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --browser --postgres
pg_exports=$(scripts/test-postgres.sh start)
eval "$pg_exports"
trap 'scripts/test-postgres.sh stop "$TEST_POSTGRES_DIR"' EXIT
mvn -B verify -Dpostgres.required=true "$@"
