#!/usr/bin/env bash
# JMH: Galvani's handler chain (no socket) vs the bare view work, in one run.
#   examples/benchmark/jmh.sh                 # -f 1 -wi 3 -w 2s -i 5 -r 2s
#   examples/benchmark/jmh.sh -f 1 -i 10 ...  # any JMH options replace the defaults
# Holds /tmp/galvani-mvn.lock so no build or load overlaps it.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh" "$0" "$@"
build_jar_if_missing

if [ "$#" -eq 0 ]; then
  set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
fi
mkdir -p "$HERE/target/results"
cd "$HERE/target/results"
exec java -cp "$JAR" org.openjdk.jmh.Main HandlerChain -jvmArgs "$JVM_FLAGS" "$@"
