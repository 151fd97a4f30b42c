#!/usr/bin/env bash
# Startup to first 200: the time from `java -jar` until the first page answers 200, for the polls
# example (/polls/) with and without a class-data-sharing archive (as the Dockerfile makes one), a
# project generated from the template (/, when TEMPLATE_JAR names its JAR) and the benchmark's
# plain-servlet baseline (/json), interleaved, RUNS times each (default 5), on the embedded H2
# database, migrated beforehand in a fresh folder per run. Prints each run and the medians.
# Usage: [RUNS=5] [TEMPLATE_JAR=.../my-site.jar] examples/benchmark/startup.sh
source "$(dirname "$0")/common.sh" "$0" "$@"
set -euo pipefail
RUNS="${RUNS:-5}"
POLLS_JAR="$ROOT/examples/polls/target/polls.jar"
build_jar_if_missing
if [ ! -f "$POLLS_JAR" ]; then
  (cd "$ROOT" && mvn -B -q -o package -pl examples/polls -am -DskipTests)
fi

# one run: jar, path, command line with PORT[, JVM options]; prints milliseconds
measure() {
  local jar=$1 path=$2 command=$3 options=${4:-}
  local dir port start pid
  dir=$(mktemp -d /tmp/startup.XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if [[ $command == serve* ]]; then
    (cd "$dir" && java -jar "$jar" migrate >/dev/null 2>&1)
  fi
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$dir" && exec java $options -jar "$jar" ${command//PORT/$port} >"$dir/out.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port$path"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "failed: $(cat "$dir/out.log")" >&2; exit 1; fi
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# the archive the Dockerfile makes at image build: the classes a start and a first page load
CDS=$(mktemp -d /tmp/startup-cds.XXXXXX)
(cd "$CDS" && java -XX:ArchiveClassesAtExit="$CDS/polls.jsa" -Xlog:cds*=off -jar "$POLLS_JAR" \
  warmup /polls/ >/dev/null 2>&1)

declare -A times
targets=(polls polls-cds baseline)
if [ -n "${TEMPLATE_JAR:-}" ]; then
  targets+=(template template-cds)
  (cd "$CDS" && java -XX:ArchiveClassesAtExit="$CDS/template.jsa" -Xlog:cds*=off -jar "$TEMPLATE_JAR" \
    warmup / >/dev/null 2>&1)
fi
for run in $(seq 1 "$RUNS"); do
  for target in "${targets[@]}"; do
    case $target in
      polls) ms=$(measure "$POLLS_JAR" /polls/ "serve 127.0.0.1:PORT") ;;
      polls-cds) ms=$(measure "$POLLS_JAR" /polls/ "serve 127.0.0.1:PORT" "-XX:SharedArchiveFile=$CDS/polls.jsa") ;;
      template) ms=$(measure "$TEMPLATE_JAR" / "serve 127.0.0.1:PORT") ;;
      template-cds) ms=$(measure "$TEMPLATE_JAR" / "serve 127.0.0.1:PORT" "-XX:SharedArchiveFile=$CDS/template.jsa") ;;
      baseline) ms=$(measure "$JAR" /json "baseline PORT") ;;
    esac
    times[$target]="${times[$target]:-} $ms"
    echo "run $run $target: $ms ms"
  done
done
echo
echo "java: $(java -version 2>&1 | head -1)"
for target in "${targets[@]}"; do
  echo "$target: ${times[$target]} ms; median $(tr ' ' '\n' <<<"${times[$target]}" | grep . | median) ms"
done
rm -rf "$CDS"
