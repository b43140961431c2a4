#!/usr/bin/env bash
# Start-up and idle memory of the packaged jar, embedded mode, a fresh data directory each run:
#   startup      process start to the first 200 from /readyz (polled every 50 ms), median of RUNS;
#                `java -jar` as it is, which on the embedded defaults starts the bean set made ahead
#                of time in the build (Spring AOT, chosen by Encore itself); beside it the plain bean
#                set (-Dspring.aot.enabled=false, what a start with other bean-deciding settings gets)
#   startup-aot  the same from the extracted jar with a JDK AOT cache (JEP 483/514/515), as the
#                Docker image starts; the script trains the cache first on a scratch data directory.
#                Beside it the JVM's cache alone with the plain bean set (the distributed mode's)
#   rss-idle     VmRSS of the JVM 20 s after ready (`java -jar`, the first run; the plain bean set's
#                and the AOT cache start's beside it)
# Every JVM runs with the documented small-box line (docs/performance.md), or $ENCORE_JAVA_OPTS.
#
#   bench/startup.sh [runs=3]        (bench/all.sh: bench/startup.sh 3; quick look: bench/startup.sh 1)
#
# Run it under `flock /tmp/bench.lock`; it builds target/encore.jar when there is none.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
IDLE=20
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
# shellcheck source=bench/small-box.sh
. bench/small-box.sh
JAVA_OPTS=${ENCORE_JAVA_OPTS:-$SMALL_BOX_JVM}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
[ -f target/encore.jar ] || ./mvnw -B -ntp -q -DskipTests package
WORK=$(mktemp -d)
PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# start LABEL JAR [extra JVM options...]: starts Encore on a fresh data dir, sets PID, PORT, LOG, STARTED
start() {
  local label=$1 jar=$2; shift 2
  PORT=$((20000 + RANDOM % 20000))
  LOG="$WORK/$label.log"
  mkdir -p "$WORK/$label-data"
  STARTED=$(date +%s%N)
  # shellcheck disable=SC2086 # the JVM line is a list of options
  "$JAVA" $JAVA_OPTS "$@" -jar "$jar" --server.port="$PORT" --encore.data-dir="$WORK/$label-data" >"$LOG" 2>&1 &
  PID=$!
}

# await_ready: prints the milliseconds from start to the first 200 from /readyz
await_ready() {
  local deadline=$(( $(date +%s) + 300 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do
    if ! kill -0 "$PID" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      echo "Encore did not become ready; its log:" >&2; tail -40 "$LOG" >&2; exit 1
    fi
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - STARTED) / 1000000 ))
}

stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

seconds() { awk -v ms="$1" 'BEGIN {printf "%.1f s", ms / 1000}'; }

# measure NAME LABEL JAR [extra JVM options...]: RUNS starts of JAR, each to ready and stopped;
# sets TIMES (milliseconds to ready, one per run) and IDLE_RSS (MB, IDLE seconds after the first)
measure() {
  local name=$1 label=$2 jar=$3 run ms
  shift 3
  TIMES=()
  IDLE_RSS=
  for run in $(seq "$RUNS"); do
    start "$name-$run" "$jar" "$@"
    ms=$(await_ready) || exit 1
    TIMES+=("$ms")
    if [ "$run" = 1 ]; then
      sleep "$IDLE"
      IDLE_RSS=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$PID/status")
    fi
    stop
    echo "$label run $run: $ms ms" >&2
  done
}

echo "load before: $(uptime)" >&2
measure default "java -jar" target/encore.jar
DEFAULT=("${TIMES[@]}")
RSS=$IDLE_RSS
# the plain bean set: Spring works the beans out at start (docs/performance.md, Spring AOT)
measure plain "plain bean set" target/encore.jar -Dspring.aot.enabled=false
PLAIN=("${TIMES[@]}")
PLAIN_RSS=$IDLE_RSS

# The AOT cache: the jar extracted (a class path of plain jars, which the cache needs), one training
# run that starts Encore to a refreshed context on a scratch data directory and exits, recording
# the classes it loaded and linked and the methods' profiles. Two caches: one trained with the bean
# set made in the build (the Docker image's, which serves both bean sets), one with the plain set.
"$JAVA" -Djarmode=tools -jar target/encore.jar extract --destination "$WORK/app" >/dev/null
train() { # train CACHE [extra JVM options...]
  local cache=$1; shift
  rm -rf "$WORK/training-data" && mkdir -p "$WORK/training-data"
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS "$@" -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh \
    -jar "$WORK/app/encore.jar" --server.port=0 --encore.data-dir="$WORK/training-data" >"$WORK/training.log" 2>&1 \
    || { echo "the AOT training run failed; its log:" >&2; tail -40 "$WORK/training.log" >&2; exit 1; }
}
train "$WORK/app/jvm.aot" -Dspring.aot.enabled=false
train "$WORK/app/both.aot" -Dspring.aot.enabled=true
measure aot-jvm "AOT cache, plain bean set" "$WORK/app/encore.jar" -XX:AOTCache="$WORK/app/jvm.aot" -Dspring.aot.enabled=false
CACHE=("${TIMES[@]}")
measure aot "AOT cache" "$WORK/app/encore.jar" -XX:AOTCache="$WORK/app/both.aot"
AOT=("${TIMES[@]}")
AOT_RSS=$IDLE_RSS

LOAD=$(uptime | sed 's/.*load average: //')
ms() { printf '%s\n' "$@" | median; }
# the default start must have chosen the build's bean set, or the rows measure something else
for log in "$WORK/default-1.log" "$WORK/aot-1.log"; do
  grep -q "Starting AOT-processed" "$log" \
    || { echo "a default start did not choose the bean set made in the build; its log:" >&2; head -20 "$log" >&2; exit 1; }
done
echo "RESULT startup $(seconds "$(ms "${DEFAULT[@]}")") (median of $RUNS, fresh data dir, java -jar, the build's bean set; plain bean set $(seconds "$(ms "${PLAIN[@]}")"); load $LOAD)"
echo "RESULT startup-aot $(seconds "$(ms "${AOT[@]}")") (median of $RUNS, extracted jar + AOT cache, the build's bean set; the plain bean set with its cache $(seconds "$(ms "${CACHE[@]}")"))"
echo "RESULT rss-idle $RSS MB (20 s after ready, java -jar; plain bean set $PLAIN_RSS MB, with the AOT cache $AOT_RSS MB; JVM: $JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX)"
