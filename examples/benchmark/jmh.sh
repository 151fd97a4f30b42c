#!/usr/bin/env bash
# JMH: Galvani's handler chain (no socket) vs the bare view work, in one run.
#   examples/benchmark/jmh.sh                 # -f 1 -wi 3 -w 2s -i 5 -r 2s
#   examples/benchmark/jmh.sh -f 1 -i 10 ...  # any JMH options replace the defaults
# Holds /tmp/galvani-mvn.lock so no build or load overlaps it.
set -euo pipefail

LOCK=/tmp/galvani-mvn.lock
if [ "${GALVANI_BENCH_LOCKED:-}" != 1 ]; then
  export GALVANI_BENCH_LOCKED=1
  exec flock "$LOCK" bash "$0" "$@"
fi

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$HERE/target/benchmark.jar"
JVM_FLAGS="${JVM_FLAGS:--Xms512m -Xmx512m -XX:+UseParallelGC}"

if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q ${MVN_OFFLINE--o} package -pl framework-core,examples/benchmark -am -DskipTests) \
    || (cd "$ROOT" && mvn -B -q package -pl framework-core,examples/benchmark -am -DskipTests)
fi

if [ "$#" -eq 0 ]; then
  set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
fi
mkdir -p "$HERE/target/results"
cd "$HERE/target/results"
exec java -cp "$JAR" org.openjdk.jmh.Main HandlerChain -jvmArgs "$JVM_FLAGS" "$@"
