#!/usr/bin/env bash
# Search latency on a large library: Encore in-process on a fresh data directory, N tracks seeded,
# the index built, then searches over HTTP one after another (whole words, prefixes, one-typo
# words, two words); prints p50/p95/p99. Target: p95 under 25 ms on a 2-core machine.
#
#   bench/search.sh [tracks=100000] [queries=2000] [lucene|postgres]
#
# postgres runs the distributed engine against a scratch database `encore_bench` on the loopback
# PostgreSQL (dropped and recreated each run; the test database is never touched).
set -euo pipefail
cd "$(dirname "$0")/.."
TRACKS=${1:-100000}
QUERIES=${2:-2000}
ENGINE=${3:-lucene}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test >/dev/null
EXTRA=()
if [ "$ENGINE" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'DROP DATABASE IF EXISTS encore_bench' \
    -c 'CREATE DATABASE encore_bench' >/dev/null
  EXTRA=(--encore.search.engine=postgres --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/encore_bench
    --spring.datasource.username=postgres --spring.datasource.password=)
fi
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.encore.library.SearchBench "$TRACKS" "$QUERIES" "${EXTRA[@]}"
