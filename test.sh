#!/usr/bin/env bash
# Sets up what is missing (including Chromium for the browser tests) and runs every test.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --browser
mvn -B verify "$@"
