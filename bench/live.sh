#!/usr/bin/env bash
# A listening room under load, on loopback: Encore's packaged jar on its embedded defaults (a fresh
# data dir), a host and N listeners in ONE room, each a STOMP client over its own WebSocket
# (bench/LiveBench.java: the JDK's WebSocket and a few lines of STOMP 1.2, no libraries). The
# host queues a track and sends seeks, pauses and plays; prints the time from a host command to
# the last listener receiving the `state` message (p50/p99 over the commands; goal p99 ≤ 100 ms),
# the same over every delivery, Encore's memory per connected listener (RSS and live heap after a
# full GC) and the clock-offset error of the documented sync (the true offset is 0 on loopback).
#
#   bench/live.sh [clients=500] [commands=50] [spacing-ms=250]
#
# Rooms are capped at 100 listeners; the bench raises the cap (encore.live.max-listeners-cap) and
# the WebSocket connections per address (encore.live.max-connections-per-address), and turns the
# rate limits off: 500 registrations, sign-ins, joins and connections come from one address.
# Encore's heap is fixed and touched up front (ENCORE_JAVA_OPTS), so that the RSS difference is what the
# connections cost outside the heap; the heap's share is the live heap after a full GC.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-500}
COMMANDS=${2:-50}
SPACING=${3:-250}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in ffmpeg python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/live.sh needs $tool" >&2; exit 1; }
done
JAR=target/encore.jar
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package

WORK=$(mktemp -d)
cleanup() {
  kill "${ENCORE_PID:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# the room's track: five minutes of tone, small
ffmpeg -hide_banner -loglevel error -f lavfi -i "sine=frequency=440:duration=300" -ac 1 -c:a libmp3lame -b:a 32k \
  -metadata title="Bench Tone" "$WORK/tone.mp3"

PORT=$(free_port)
# each listener holds a socket: the file limit must allow them (the host's JVM and Encore's)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${ENCORE_JAVA_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch} -jar "$JAR" --server.port="$PORT" --encore.data-dir="$WORK/data" \
  --encore.ratelimit.enabled=false --encore.live.max-listeners-cap=$((CLIENTS + 1)) \
  --encore.live.max-connections-per-address=$((CLIENTS + 2)) >"$WORK/encore.log" 2>&1 &
ENCORE_PID=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "Encore did not become ready; its log:" >&2; tail -50 "$WORK/encore.log" >&2; exit 1; }

echo "Encore $(git describe --always --dirty 2>/dev/null || echo '?') on :$PORT (pid $ENCORE_PID); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
"$JAVA_HOME/bin/java" bench/LiveBench.java --base "http://127.0.0.1:$PORT" --pid "$ENCORE_PID" --clients "$CLIENTS" \
  --commands "$COMMANDS" --spacing-ms "$SPACING" --track "$WORK/tone.mp3" || status=$?
if [ "$status" != 0 ] || grep -q ' ERROR ' "$WORK/encore.log"; then
  echo "Encore's log (errors):" >&2; grep -E ' (ERROR|WARN) ' "$WORK/encore.log" | tail -20 >&2 || true
fi
exit "$status"
