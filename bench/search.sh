#!/usr/bin/env bash
# Search latency on a large library: Encore in-process on a fresh data directory, N tracks seeded
# (batched JDBC inserts), the index built, then searches over HTTP one after another (whole words,
# prefixes, one-typo words, two words); prints p50/p95/p99 per kind and overall, the heap in use
# after the build and after the queries, and one RESULT line for the README table.
# Targets (2-core machine): p95 ≤ 25 ms at 100,000 tracks, ≤ 50 ms at 1,000,000, heap bounded.
#
#   bench/search.sh [tracks=100000] [queries=2000] [lucene|postgres|both]
#
#   bench/search.sh 100000 1000 both    the quick mode bench/all.sh runs (~4 min, both engines)
#   SEARCH_DB=postgres bench/search.sh 1000000 1000 both
#                                       the million-track row (~25 min on 2 cores, mostly seeding and
#                                       building each engine's index)
#
# postgres runs the distributed engine against a scratch database `encore_bench` on the loopback
# PostgreSQL (dropped and recreated each run; the test database is never touched).
# SEARCH_KEEP_DB=1 leaves `encore_bench` in place after the run (seeded and indexed by the last
# engine run), to EXPLAIN queries against without seeding again; the next run still recreates it.
# SEARCH_DB=postgres puts the Lucene run's library in that scratch database too (default: embedded
# H2, as Encore runs by default): H2 takes the first 100,000 rows in under a minute, but a million
# random-keyed rows with a dozen indexes make its append-only file grow by gigabytes a minute.
# The JVM runs with $ENCORE_JAVA_OPTS when set, else -Xmx512m (the heap must stay bounded at 1M);
# SEARCH_JFR=dir records a JFR profile per engine into dir.
set -euo pipefail
cd "$(dirname "$0")/.."
TRACKS=${1:-100000}
QUERIES=${2:-2000}
ENGINE=${3:-lucene}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
case "$TRACKS" in
  100000) ROW=search-100k ;;
  1000000) ROW=search-1m ;;
  *) ROW=search-$TRACKS ;;
esac
BENCH_CLASS=target/test-classes/dev/encore/library/search/SearchBench.class
# compile only when something changed since the last build of the bench's classes
if [ ! -f "$BENCH_CLASS" ] || [ ! -f target/bench.classpath ] || [ -n "$(find src pom.xml -newer "$BENCH_CLASS" -type f | head -1)" ]; then
  ./mvnw -q -B -ntp -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
fi
read -r -a JAVA_OPTS <<<"${ENCORE_JAVA_OPTS:--Xmx512m}"
OUT=$(mktemp)
cleanup() {
  rm -f "$OUT"
  if [ -n "${PG_USED:-}" ] && [ "${SEARCH_KEEP_DB:-0}" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc 'DROP DATABASE IF EXISTS encore_bench' >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

run() {
  local engine=$1 extra=() jfr=() db=h2
  if [ "$engine" = postgres ] || [ "${SEARCH_DB:-h2}" = postgres ]; then
    db=postgres
    PG_USED=1
    psql -h 127.0.0.1 -U postgres -d postgres -qc 'DROP DATABASE IF EXISTS encore_bench' \
      -c 'CREATE DATABASE encore_bench' >/dev/null
    extra=(--encore.search.engine="$engine"
      "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/encore_bench?reWriteBatchedInserts=true"
      --spring.datasource.username=postgres --spring.datasource.password=)
  fi
  if [ -n "${SEARCH_JFR:-}" ]; then
    mkdir -p "$SEARCH_JFR"
    jfr=("-XX:StartFlightRecording=filename=$SEARCH_JFR/search-$engine-$TRACKS.jfr,settings=profile")
  fi
  echo "== $engine (library in $db), $TRACKS tracks, $QUERIES queries; load: $(uptime | sed 's/.*load average: //')"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${JAVA_OPTS[@]}" "${jfr[@]}" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    dev.encore.library.search.SearchBench "$TRACKS" "$QUERIES" "${extra[@]}" | tee -a "$OUT"
}

case "$ENGINE" in
  both) run lucene; run postgres ;;
  lucene|postgres) run "$ENGINE" ;;
  *) echo "engine must be lucene, postgres or both" >&2; exit 2 ;;
esac

# ENGINE-RESULT engine tracks p50 p95 p99 heapBuild heapLoad peak max seed index
echo "RESULT $ROW $(awk '/^ENGINE-RESULT/ { printf "%s%s p95 %s ms (p50 %s, p99 %s), heap %s MB live of %s max", \
  sep, $2, $5, $4, $6, $8, $10; sep = "; " }' "$OUT")"
