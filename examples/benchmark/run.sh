#!/usr/bin/env bash
# The TechEmpower benchmark: Galvani (idiomatic) vs a plain servlet on the same Jetty, same JVM
# flags, same database, same run. Prints a markdown table of median requests/s and ratios.
#
#   examples/benchmark/run.sh                       # the real run (per test: warm-up 30 s, then 3 x 10 s per target)
#   WARMUP=2 DURATION=2 RUNS=1 examples/benchmark/run.sh   # smoke run
#   TESTS="db queries updates fortunes" examples/benchmark/run.sh   # the database tests only
#
# Env overrides: DURATION (s, default 10), WARMUP (s, 30), RUNS (3), THREADS (2), CONNECTIONS (64),
# PIPELINE (16), QUERIES (20, N of /queries, /updates and /cached-queries), PORT_GALVANI (18080),
# PORT_BASELINE (18081), JVM_FLAGS ("-Xms512m -Xmx512m -XX:+UseParallelGC"),
# TESTS ("json plaintext db queries updates fortunes cached-queries"), MVN_OFFLINE (-o),
# DATABASE_URL (PostgreSQL; default the local test database with synchronous_commit=off per
# connection), DATABASE_POOL_SIZE (both targets' pool; default 8, see BenchmarkDatabase).
# The database tests need only an empty PostgreSQL database: both targets create and fill their
# tables on startup. The whole script holds /tmp/galvani-mvn.lock so no build or other load
# overlaps it.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh" "$0" "$@"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-30}"
RUNS="${RUNS:-3}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
PIPELINE="${PIPELINE:-16}"
PORT_GALVANI="${PORT_GALVANI:-18080}"
PORT_BASELINE="${PORT_BASELINE:-18081}"
QUERIES="${QUERIES:-20}"
TESTS="${TESTS:-json plaintext db queries updates fortunes cached-queries}"
# synchronous_commit=off is set per connection (libpq "options", passed on by the JDBC driver), the
# same for both targets, so the database's own setting is left alone
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test?options=-c%20synchronous_commit%3Doff}"
export DATABASE_POOL_SIZE="${DATABASE_POOL_SIZE:-8}"
INVOCATION="TESTS=\"$TESTS\" DURATION=$DURATION WARMUP=$WARMUP RUNS=$RUNS CONNECTIONS=$CONNECTIONS THREADS=$THREADS PIPELINE=$PIPELINE QUERIES=$QUERIES DATABASE_POOL_SIZE=$DATABASE_POOL_SIZE examples/benchmark/run.sh"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/target/results/$STAMP"
mkdir -p "$OUT"
log() { echo "[run.sh $(date +%H:%M:%S)] $*" >&2; }

case "$DATABASE_URL" in
  postgres://* | postgresql://* | jdbc:postgresql:*) ;;
  *) log "DATABASE_URL must name a PostgreSQL database (postgres://user@host:5432/name), not '$DATABASE_URL'"; exit 1 ;;
esac
case "$DATABASE_URL" in
  *synchronous_commit*) ;;
  *) log "warning: DATABASE_URL does not set synchronous_commit=off; the protocol asks for it" ;;
esac
DATABASE_SHOWN="$(echo "$DATABASE_URL" | sed -E 's#(://[^:/@]*:)[^@]*@#\1***@#')"

# (a) the fat jar
build_jar_if_missing

# (b) wrk
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  $SUDO apt-get install -y wrk
fi

# (c) both servers, identical JVM flags, killed on exit
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do
    alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 0.1
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for port in "$PORT_GALVANI" "$PORT_BASELINE"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    log "port $port is already in use; set PORT_GALVANI/PORT_BASELINE"; exit 1
  fi
done

start() { # name port
  (cd "$OUT" && exec java $JVM_FLAGS -jar "$JAR" "$1" "$2" >"$OUT/$1.log" 2>&1) &
  PIDS+=("$!")
}
wait_up() { # name port pid
  for _ in $(seq 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$2/plaintext"; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then log "$1 died:"; cat "$OUT/$1.log" >&2; exit 1; fi
    sleep 0.1
  done
  log "$1 did not answer on port $2 within 30 s"; cat "$OUT/$1.log" >&2; exit 1
}
log "starting galvani on $PORT_GALVANI and baseline on $PORT_BASELINE ($JVM_FLAGS, database $DATABASE_SHOWN, pool $DATABASE_POOL_SIZE)"
start galvani "$PORT_GALVANI"
start baseline "$PORT_BASELINE"
wait_up galvani "$PORT_GALVANI" "${PIDS[0]}"
wait_up baseline "$PORT_BASELINE" "${PIDS[1]}"

# (d) verify before timing anything (with DATABASE_URL exported, the verifier also checks that
# /updates writes the rows it returns)
for port in "$PORT_GALVANI" "$PORT_BASELINE"; do
  java -cp "$JAR" dev.galvani.examples.benchmark.Verifier "http://127.0.0.1:$port" \
    || { log "verifier failed on port $port: aborting"; exit 1; }
done

port_of() { [ "$1" = galvani ] && echo "$PORT_GALVANI" || echo "$PORT_BASELINE"; }
ACCEPT_JSON='Accept: application/json,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7'
ACCEPT_TEXT='Accept: text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7'
ACCEPT_HTML='Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
path_of() { # test -> the URL path wrk loads
  case "$1" in
    queries | updates) echo "/$1?queries=$QUERIES" ;;
    cached-queries) echo "/cached-queries?count=$QUERIES" ;;
    *) echo "/$1" ;;
  esac
}
goal_of() { case "$1" in db | queries | updates) echo 0.90 ;; *) echo 0.85 ;; esac; }
wrk_cmd() { # test port seconds -> the command line, one word per line
  local test=$1 port=$2 secs=$3
  case "$test" in
    plaintext)
      printf '%s\n' wrk "-t$THREADS" "-c$CONNECTIONS" "-d${secs}s" -H "$ACCEPT_TEXT" -H 'Connection: keep-alive' \
        -s "$HERE/pipeline.lua" "http://127.0.0.1:$port/plaintext" -- "$PIPELINE" ;;
    fortunes)
      printf '%s\n' wrk "-t$THREADS" "-c$CONNECTIONS" "-d${secs}s" -H "$ACCEPT_HTML" -H 'Connection: keep-alive' \
        "http://127.0.0.1:$port/fortunes" ;;
    *)
      printf '%s\n' wrk "-t$THREADS" "-c$CONNECTIONS" "-d${secs}s" -H "$ACCEPT_JSON" -H 'Connection: keep-alive' \
        "http://127.0.0.1:$port$(path_of "$test")" ;;
  esac
}
run_wrk() { # test target seconds outfile
  local -a cmd
  mapfile -t cmd < <(wrk_cmd "$1" "$(port_of "$2")" "$3")
  "${cmd[@]}" >"$4" 2>&1
}

# (e) per test: warm-up of both targets right before that test's measured runs (a warm-up of
# every test first would let the later tests' code paths reshape the JIT's type profiles before
# the first test is measured), then measured runs interleaved A B A B; runs with socket errors
# or non-2xx are discarded
printf 'test\ttarget\trun\treq_s\tvalid\tnote\n' >"$OUT/runs.tsv"
for test in $TESTS; do
  for target in galvani baseline; do
    log "warm-up $target $test ${WARMUP}s"
    run_wrk "$test" "$target" "$WARMUP" "$OUT/warmup-$target-$test.txt"
  done
  for i in $(seq "$RUNS"); do
    for target in galvani baseline; do
      file="$OUT/$target-$test-$i.txt"
      run_wrk "$test" "$target" "$DURATION" "$file"
      rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
      note=""
      errors=$(grep -E '^ *Socket errors:' "$file" | sed 's/^ *//' || true)
      non2xx=$(grep -E '^ *Non-2xx or 3xx responses:' "$file" | sed 's/^ *//' || true)
      [ -n "$errors" ] && note="$errors"
      [ -n "$non2xx" ] && note="${note:+$note; }$non2xx"
      [ -z "$rps" ] && note="${note:+$note; }no result"
      valid=1; [ -n "$note" ] && valid=0
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$test" "$target" "$i" "${rps:-0}" "$valid" "$note" >>"$OUT/runs.tsv"
      log "$test $target run $i: ${rps:-?} req/s${note:+ DISCARDED ($note)}"
    done
  done
done

# (f) the report
psql_version() { # the server version, through psql when it is installed
  if command -v psql >/dev/null 2>&1; then
    psql "$(echo "$DATABASE_URL" | sed -E 's#^jdbc:##; s#\?.*$##')" -Atc 'show server_version' 2>/dev/null | sed 's/^/PostgreSQL /' || echo "PostgreSQL (version unknown)"
  else
    echo "PostgreSQL (psql not installed, version unknown)"
  fi
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print ""; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
med() { awk -F'\t' -v t="$1" -v g="$2" 'NR>1 && $1==t && $2==g && $5==1 {print $4}' "$OUT/runs.tsv" | median; }
count() { awk -F'\t' -v t="$1" -v g="$2" 'NR>1 && $1==t && $2==g && $5==1' "$OUT/runs.tsv" | wc -l; }
runs_of() { awk -F'\t' -v t="$1" -v g="$2" 'NR>1 && $1==t && $2==g {printf "%s%s%s", sep, $4, ($5==1?"":"(x)"); sep=", "}' "$OUT/runs.tsv"; }
{
  echo "## Galvani vs plain-servlet baseline: $TESTS"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- JDK: $(java -version 2>&1 | head -2 | tail -1)"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GB RAM; wrk and both servers share the cores"
  echo "- wrk: $(wrk -v 2>&1 | head -1)"
  echo "- JVM flags (both): $JVM_FLAGS"
  echo "- database (both): $DATABASE_SHOWN, $(psql_version), pool $DATABASE_POOL_SIZE connections per target"
  echo "- command: \`$INVOCATION\`"
  echo "- warm-up ${WARMUP}s per target and test, then $RUNS measured runs of ${DURATION}s each, interleaved galvani, baseline, galvani, baseline, ...; median of the valid runs"
  echo
  echo "| test | Galvani req/s (median) | baseline req/s (median) | ratio | goal | valid runs G/B |"
  echo "|---|---:|---:|---:|---:|---:|"
  for test in $TESTS; do
    g=$(med "$test" galvani); b=$(med "$test" baseline)
    ratio=$(awk -v g="${g:-0}" -v b="${b:-0}" 'BEGIN {if (b>0 && g>0) printf "%.2f", g/b; else print "n/a"}')
    goal=$(goal_of "$test")
    ok=$(awk -v r="$ratio" -v goal="$goal" 'BEGIN {if (r=="n/a") print "n/a"; else if (r+0 >= goal+0) print ">= " goal " met"; else print ">= " goal " MISSED"}')
    printf '| %s | %s | %s | %s | %s | %s/%s |\n' "$test" "${g:-n/a}" "${b:-n/a}" "$ratio" "$ok" \
      "$(count "$test" galvani)" "$(count "$test" baseline)"
  done
  echo
  echo "Per run (req/s, (x) = discarded):"
  echo
  for test in $TESTS; do
    echo "- $test: galvani $(runs_of "$test" galvani); baseline $(runs_of "$test" baseline)"
  done
  echo
  echo "wrk commands (PORT = $PORT_GALVANI galvani, $PORT_BASELINE baseline):"
  echo
  echo '```'
  for test in $TESTS; do
    mapfile -t cmd < <(wrk_cmd "$test" PORT "$DURATION")
    line=""
    for word in "${cmd[@]}"; do
      case "$word" in *[\ \;\*]*) word="'$word'" ;; esac
      line="${line:+$line }${word/#$HERE\//examples/benchmark/}"
    done
    echo "$line"
  done
  echo "DATABASE_URL='$DATABASE_SHOWN' DATABASE_POOL_SIZE=$DATABASE_POOL_SIZE java $JVM_FLAGS -jar examples/benchmark/target/benchmark.jar galvani|baseline PORT"
  echo '```'
  echo
  echo "Raw wrk output: ${OUT#$ROOT/}"
} >"$OUT/report.md"
cat "$OUT/report.md"
