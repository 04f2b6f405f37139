#!/bin/bash
# usage: scripts/load-split.sh SERVER_JAR LABEL  (HARNESS_JAR, OUT_DIR optional)
# The server in its own process, the load harness in another (1000 conversations, 30 s warm-up, 60 s measured);
# reports the reference reply sizes, the harness summary and each process's CPU ticks over the measured minute.
JAR=$1; LABEL=$2; OUT=${OUT_DIR:-/tmp/load-split}/$LABEL; mkdir -p $OUT; rm -rf $OUT/data; mkdir -p $OUT/data
DATA_DIR=$OUT/data PORT=7192 CONNECTIONS_PER_ADDRESS=5000 CHAT_MESSAGES_PER_MINUTE=1000000 CHAT_BURST=100000 \
CHAT_MESSAGES_PER_MINUTE_PER_ADDRESS=1000000 CHAT_BURST_PER_ADDRESS=100000 setsid java -Xmx4g -jar $JAR > $OUT/server.log 2>&1 &
SP=$!
for i in $(seq 1 60); do sleep 1; curl -s localhost:7192/health/ready | grep -q '"ready"' && break; done
echo "load before: $(cat /proc/loadavg)" > $OUT/summary.txt
STORY='{"text": "Olen 26-vuotias maatalousopiskelija. Haluan perustaa luomutilan, jossa on sikala, ja tilan yhteyteen ravintolan, jossa myydään omista sioista tehtyä luomumakkaraa."}'
for v in page compact summary; do echo "reference reply, view=$v: $(curl -s -XPOST "localhost:7192/api/v2/recommendations?view=$v" -H 'Content-Type: application/json' -d "$STORY" | wc -c) bytes" >> $OUT/summary.txt; done
echo "reference reply, v1: $(curl -s -XPOST localhost:7192/api/v1/recommendations -H 'Content-Type: application/json' -d "$STORY" | wc -c) bytes" >> $OUT/summary.txt
java -Xmx2g -cp ${HARNESS_JAR:-benchmarks/target/benchmarks.jar} fi.viranomaisbotti.benchmarks.load.LoadHarness --url ws://127.0.0.1:7192 \
  --conversations 1000 --warmup 30s --duration 60s --max-turns 8 --turn-timeout 300s > $OUT/harness.log 2>&1 &
HP=$!
ticks() { awk '{print $14+$15}' /proc/$1/stat 2>/dev/null; }
while ! grep -q "Measuring for" $OUT/harness.log; do sleep 0.2; done
T0=$(date +%s.%N); S0=$(ticks $SP); H0=$(ticks $HP)
LASTH=$H0; LASTT=$T0; LASTS=$S0
while kill -0 $HP 2>/dev/null && ! grep -q "conversations were connected at the end" $OUT/harness.log; do
  LASTH=$(ticks $HP); LASTS=$(ticks $SP); LASTT=$(date +%s.%N); sleep 0.2
done
echo "measured window $T0 .. $LASTT; server ticks $S0 -> $LASTS; harness ticks $H0 -> $LASTH (100 ticks = 1 CPU-s)" >> $OUT/summary.txt
wait $HP
kill $SP; wait $SP 2>/dev/null
cat $OUT/harness.log | sed -n '/^Load run/,$p' >> $OUT/summary.txt
cat $OUT/summary.txt
