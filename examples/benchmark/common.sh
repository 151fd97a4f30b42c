# Sourced by run.sh and jmh.sh: hold /tmp/galvani-mvn.lock for the whole script (so no build or
# other load overlaps a measurement), locate the repository and build the benchmark jar if needed.
# The caller passes its own path and arguments: source common.sh "$0" "$@".
LOCK=/tmp/galvani-mvn.lock
if [ "${GALVANI_BENCH_LOCKED:-}" != 1 ]; then
  export GALVANI_BENCH_LOCKED=1
  exec flock "$LOCK" bash "$@"
fi

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$HERE/target/benchmark.jar"
JVM_FLAGS="${JVM_FLAGS:--Xms512m -Xmx512m -XX:+UseParallelGC}"

build_jar_if_missing() {
  if [ ! -f "$JAR" ]; then
    echo "building $JAR"
    (cd "$ROOT" && mvn -B -q ${MVN_OFFLINE--o} package -pl framework-core,examples/benchmark -am -DskipTests) \
      || (cd "$ROOT" && mvn -B -q package -pl framework-core,examples/benchmark -am -DskipTests)
  fi
}
