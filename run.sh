#!/usr/bin/env bash
# Sets up what is missing, builds, and runs Viranomaisbotti on its embedded defaults
# (http://localhost:7070/, data in ./data). PORT and DATA_DIR override them.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
mvn -B -q -DskipTests package
jar=chat-server/target/viranomaisbotti.jar
# The JVM's class data sharing: the first run after a build writes an archive of the loaded
# classes when it stops, and later runs map it instead of loading those classes again (about
# a quarter less CPU to start; docs/benchmarks.md). A stale or unusable archive is ignored.
data="${DATA_DIR:-./data}"
mkdir -p "$data"
archive="$data/classes.jsa"
if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
  cds=(-XX:SharedArchiveFile="$archive")
else
  rm -f "$archive"
  cds=(-XX:ArchiveClassesAtExit="$archive")
fi
exec java "${cds[@]}" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar"
