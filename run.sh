#!/usr/bin/env bash
# Sets up what is missing, builds, and runs Viranomaisbotti on its embedded defaults
# (http://localhost:7070/, data in ./data). PORT and DATA_DIR override them.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
mvn -B -q -DskipTests package
exec java -jar chat-server/target/viranomaisbotti.jar
