#!/usr/bin/env bash
# p99 latency of a paginated Galvani ListView (GET /items/?page=N, 20 rows a page, ordered by id,
# LIMIT 21 / OFFSET without COUNT(*)) with 1,000 and then 1,000,000 rows in page_item (PostgreSQL).
# The same page numbers are loaded at both sizes: a page's cost grows with its offset, not with the
# table, so page 1 and page 25 should show the same p99 on either table.
#
#   examples/benchmark/pagination.sh
#
# Env overrides: SIZES ("1000 1000000"), PAGES ("1 25"), JIT_WARMUP (s, 30: once, before the first
# measurement, so the first table size is not measured on a cold JIT), WARMUP (s, 10), DURATION (s, 10),
# RUNS (3 measured runs per table size and page; the median p99 is reported), THREADS (2),
# CONNECTIONS (8: as many as the pool has, so requests never queue for a connection and the tail
# shows the query, not the pool), PORT (18082), DATABASE_URL (as run.sh), DATABASE_POOL_SIZE (8),
# JVM_FLAGS. A size listed twice (SIZES="1000 1000000 1000", a control for drift) is merged in the
# table; latency.tsv keeps every leg. Leaves page_item empty afterwards. Holds
# /tmp/galvani-mvn.lock for its whole run.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh" "$0" "$@"
SIZES="${SIZES:-1000 1000000}"
PAGES="${PAGES:-1 25}"
JIT_WARMUP="${JIT_WARMUP:-30}"
WARMUP="${WARMUP:-10}"
DURATION="${DURATION:-10}"
RUNS="${RUNS:-3}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-8}"
PORT="${PORT:-18082}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test?options=-c%20synchronous_commit%3Doff}"
export DATABASE_POOL_SIZE="${DATABASE_POOL_SIZE:-8}"
INVOCATION="SIZES=\"$SIZES\" PAGES=\"$PAGES\" JIT_WARMUP=$JIT_WARMUP WARMUP=$WARMUP DURATION=$DURATION RUNS=$RUNS CONNECTIONS=$CONNECTIONS THREADS=$THREADS examples/benchmark/pagination.sh"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/target/results/pagination-$STAMP"
mkdir -p "$OUT"
log() { echo "[pagination.sh $(date +%H:%M:%S)] $*" >&2; }

build_jar_if_missing
command -v wrk >/dev/null 2>&1 || { log "wrk is missing: apt-get install -y wrk"; exit 1; }

PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  java -jar "$JAR" page-items 0 >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then log "port $PORT is in use; set PORT"; exit 1; fi
(cd "$OUT" && exec java $JVM_FLAGS -jar "$JAR" galvani "$PORT" >"$OUT/galvani.log" 2>&1) &
PID=$!
for _ in $(seq 300); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/plaintext" && break
  kill -0 "$PID" 2>/dev/null || { log "galvani died:"; cat "$OUT/galvani.log" >&2; exit 1; }
  sleep 0.1
done

to_ms() { # wrk latency such as 812.00us, 3.45ms or 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) printf "%.2f", substr(v, 1, length(v) - 2) / 1000;
    else if (v ~ /ms$/) printf "%.2f", substr(v, 1, length(v) - 2);
    else if (v ~ /s$/) printf "%.2f", substr(v, 1, length(v) - 1) * 1000;
    else print v }'
}

printf 'rows\tpage\trun\tp50_ms\tp99_ms\treq_s\tnote\n' >"$OUT/latency.tsv"
for size in $SIZES; do
  log "filling page_item with $size rows"
  java -jar "$JAR" page-items "$size" >>"$OUT/fill.log" 2>&1
  if [ "$JIT_WARMUP" -gt 0 ]; then
    for page in $PAGES; do
      log "JIT warm-up on page $page"
      wrk "-t$THREADS" "-c$CONNECTIONS" "-d$((JIT_WARMUP / $(echo $PAGES | wc -w)))s" \
        "http://127.0.0.1:$PORT/items/?page=$page" >"$OUT/jit-warmup-$page.txt" 2>&1
    done
    JIT_WARMUP=0
  fi
  for page in $PAGES; do
    url="http://127.0.0.1:$PORT/items/?page=$page"
    status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
    [ "$status" = 200 ] || { log "$url answered $status"; exit 1; }
    wrk "-t$THREADS" "-c$CONNECTIONS" "-d${WARMUP}s" "$url" >"$OUT/warmup-$size-$page.txt" 2>&1
    for run in $(seq "$RUNS"); do
      file="$OUT/latency-$size-$page-$run.txt"
      wrk "-t$THREADS" "-c$CONNECTIONS" "-d${DURATION}s" --latency "$url" >"$file" 2>&1
      p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")
      p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
      rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
      note=$(grep -E 'Socket errors|Non-2xx' "$file" | sed 's/^ *//' | paste -sd ';' - || true)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$page" "$run" "$p50" "$p99" "$rps" "$note" >>"$OUT/latency.tsv"
      log "rows $size page $page run $run: p50 ${p50} ms, p99 ${p99} ms, ${rps} req/s ${note}"
    done
  done
done

{
  echo "## Paginated list view: p99 latency at $(echo "$SIZES" | sed 's/ / vs /') rows"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- JDK: $(java -version 2>&1 | head -2 | tail -1)"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); wrk, the server and PostgreSQL share the cores"
  echo "- command: \`$INVOCATION\`"
  echo "- view: ListView.of(PageItem.class, \"bench/page_items.html\").query(items -> items.orderBy(\"id\")).paginateBy(20)"
  echo "- load: wrk -t$THREADS -c$CONNECTIONS; one JIT warm-up first (split over the pages), then per table size and page a ${WARMUP}s warm-up and $RUNS runs of ${DURATION}s with --latency; medians over the runs"
  echo
  echo "| rows in page_item | page | p50 ms (median) | p99 ms (median) | p99 per run | req/s (median) | errors |"
  echo "|---:|---:|---:|---:|---|---:|---|"
  for size in $SIZES; do
    for page in $PAGES; do
      col() { awk -F'\t' -v s="$size" -v p="$page" -v c="$1" 'NR > 1 && $1 == s && $2 == p {print $c}' "$OUT/latency.tsv"; }
      median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
      notes=$(col 7 | grep -v '^$' | paste -sd ';' - || true)
      printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$size" "$page" "$(col 4 | median)" "$(col 5 | median)" \
        "$(col 5 | paste -sd ',' - | sed 's/,/, /g')" "$(col 6 | median)" "${notes:-none}"
    done
  done
  echo
  echo "Raw wrk output: ${OUT#$ROOT/}"
} >"$OUT/report.md"
cat "$OUT/report.md"
