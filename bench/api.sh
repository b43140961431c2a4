#!/usr/bin/env bash
# Small authenticated reads under load, on loopback: Encore's packaged jar on its defaults (a fresh
# data dir, the documented JVM line from $ENCORE_JAVA_OPTS when set), one user with ~200 tracks,
#   api-me      GET /api/v1/me              bearer token
#   api-tracks  GET /api/v1/tracks?size=20  bearer token
# each with `wrk -t2 -c64 --latency` for SECONDS, RUNS times (after a warm-up of the same load).
# Prints the median over the runs of req/s, p50, p99 and max, the process CPU per request (utime +
# stime of Encore from /proc/PID/stat over the run ÷ requests; wrk shares the machine) and the RSS
# after all the load (≥ 60 s of it with the defaults).
#
#   bench/api.sh [runs=3] [seconds=15] [tracks=200]      quick: bench/api.sh 1 10
#
# The general rate limit (1,200 requests per 15 minutes per client) would answer nearly all of the
# load with 429: the bench raises its capacity instead of switching limits off, so the limiter's
# per-request work is measured too. Any non-2xx answer fails the bench.
# With ENCORE_BASELINE_JAR=path/to/other.jar the same load runs against that jar too, interleaved
# run by run (the machine is noisy: a side-by-side comparison in one go is the fair one).
# API_ARGS_encore / API_ARGS_baseline add arguments to one instance (experiments, e.g.
# --spring.threads.virtual.enabled=false), API_JVM_encore / API_JVM_baseline JVM options to one
# (e.g. API_JVM_baseline=-XX:TieredStopAtLevel=1 with ENCORE_BASELINE_JAR=target/encore.jar: one jar,
# two JVM lines); API_JFR=dir records a profile of each measured run.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
DURATION=${2:-15}
TRACKS=${3:-200}
CONNECTIONS=64
WARMUP=${API_WARMUP_SECONDS:-15}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in ffmpeg wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/api.sh needs $tool (apt-get install ffmpeg wrk)" >&2; exit 1; }
done
JAR=${ENCORE_JAR:-target/encore.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# a one-second tone, a few KB: every track is an upload of it (the bytes are stored once)
ffmpeg -hide_banner -loglevel error -f lavfi -i "sine=frequency=440:duration=1.5" -ac 1 -c:a libmp3lame -b:a 32k \
  "$WORK/tone.mp3"

# start NAME JAR: starts one Encore, waits for /readyz, signs up a user with TRACKS tracks
start() {
  local name=$1 jar=$2 port started=$SECONDS
  port=$(free_port)
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" ${ENCORE_JAVA_OPTS:-} $(eval echo "\${API_JVM_$name:-}") -jar "$jar" --server.port="$port" --encore.data-dir="$WORK/$name" \
    --encore.ratelimit.general.capacity=1000000000 $(eval echo "\${API_ARGS_$name:-}") >"$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 900); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "$name did not become ready; its log:" >&2; tail -50 "$WORK/$name.log" >&2; exit 1; }
  local base="http://127.0.0.1:$port/api/v1" token
  curl -sS --fail-with-body -H 'Content-Type: application/json' \
    -d '{"username":"bench","email":"bench@example.org","password":"Quiet-Harbor-2026"}' "$base/auth/register" >/dev/null
  token=$(curl -fsS -H 'Content-Type: application/json' -d '{"identifier":"bench","password":"Quiet-Harbor-2026"}' \
    "$base/auth/login" | json "['accessToken']")
  # uploads then saves, four at a time (what a client would do; ~10 s for 200)
  seq 1 "$TRACKS" | xargs -P 4 -I{} sh -c '
    upload=$(curl -fsS -H "Authorization: Bearer $1" -F "file=@$2" "$3/uploads" | python3 -c "import json,sys; print(json.load(sys.stdin)[\"id\"])") &&
    curl -fsS -o /dev/null -H "Authorization: Bearer $1" -H "Content-Type: application/json" \
      -d "{\"uploadId\":\"$upload\",\"title\":\"Tone $4\",\"artist\":\"Artist $(($4 % 17))\",\"album\":\"Album $(($4 % 23))\",\"tags\":[\"bench\",\"t$(($4 % 5))\"]}" "$3/tracks"
  ' _ "$token" "$WORK/tone.mp3" "$base" {}
  local count
  count=$(curl -fsS -H "Authorization: Bearer $token" "$base/tracks?size=1" | json "['totalItems']")
  [ "$count" -ge "$TRACKS" ] || { echo "$name: only $count tracks seeded" >&2; exit 1; }
  echo "$name: ready and $count tracks seeded in $((SECONDS - started)) s" >&2
  eval "PID_$name=$pid BASE_$name=$base TOKEN_$name=$token"
}

# load NAME ROW PATH SECONDS: one wrk run; appends "req/s p50 p99 max cpu_ms_per_request" to WORK/NAME.ROW
load() {
  local name=$1 row=$2 path=$3 seconds=$4 pid base token out before after
  pid=$(eval echo "\$PID_$name"); base=$(eval echo "\$BASE_$name"); token=$(eval echo "\$TOKEN_$name")
  # API_JFR=dir records a profile of each measured run (dir/NAME-ROW-N.jfr; `jfr view hot-methods`)
  [ -n "${API_JFR:-}" ] && [ "$row" != warmup ] && "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=api settings=profile >/dev/null
  before=$(cpu_ticks "$pid")
  # a 10 s timeout: wrk's default (2 s) would count the slowest answers as errors instead of latency
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -H "Authorization: Bearer $token" "$base$path")
  after=$(cpu_ticks "$pid")
  if [ -n "${API_JFR:-}" ] && [ "$row" != warmup ]; then
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name=api filename="$API_JFR/$name-$row-$(($(cat "$WORK/$name.$row" 2>/dev/null | wc -l) + 1)).jfr" >/dev/null
  fi
  # answers slower than the timeout are a result (printed), not a failure; refusals and broken sockets are
  if echo "$out" | grep -qE "Non-2xx|Socket errors: connect [1-9]|read [1-9]|write [1-9]"; then
    echo "$out" >&2; echo "$name $row: non-2xx answers or socket errors" >&2; exit 1
  fi
  if echo "$out" | grep -qE "timeout [1-9]"; then
    echo "  $name $row: $(echo "$out" | grep -oE 'timeout [0-9]+' | cut -d' ' -f2) requests took over 10 s" >&2
  fi
  echo "$out" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, unit = float(re.match(r"[\d.]+", v).group()), re.sub(r"[\d.]+", "", v)
    return n * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
latency = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", text)
p = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
requests = int(re.search(r"(\d+) requests in", text).group(1))
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
cpu_ms = (int(sys.argv[2]) - int(sys.argv[1])) / int(sys.argv[3]) * 1000 / requests
p50, p99, top = ms(p["50"]), ms(p["99"]), ms(latency.group(3))
print(f"{rate:.0f} {p50:.2f} {p99:.1f} {top:.0f} {cpu_ms:.3f}")
' "$before" "$after" "$CLK_TCK" >>"$WORK/$name.$row"
  tail -1 "$WORK/$name.$row" | awk -v n="$name" -v r="$row" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    '{ printf "  %-8s %-10s %7d req/s  p50 %6.2f ms  p99 %7.1f ms  max %6d ms  CPU %.3f ms/req  (load %s)\n", n, r, $1, $2, $3, $4, $5, l }' >&2
}

NAMES=(encore)
start encore "$JAR"
if [ -n "${ENCORE_BASELINE_JAR:-}" ]; then NAMES+=(baseline); start baseline "$ENCORE_BASELINE_JAR"; fi
echo "Encore $(git describe --always --dirty 2>/dev/null || echo '?'); $(nproc) cores; ${ENCORE_JAVA_OPTS:-no JVM options}; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# a fresh token for the load (an access token lives 15 minutes; starting and seeding on a busy box
# can take a good part of that)
for name in "${NAMES[@]}"; do
  base=$(eval echo "\$BASE_$name")
  eval "TOKEN_$name=$(curl -fsS -H 'Content-Type: application/json' -d '{"identifier":"bench","password":"Quiet-Harbor-2026"}' \
    "$base/auth/login" | json "['accessToken']")"
done

LOADED=0
# warm-up under the same load: the JIT compiles the request path (a server in service is warm)
for name in "${NAMES[@]}"; do
  load "$name" warmup "/me" "$WARMUP"
  load "$name" warmup "/tracks?size=20" "$WARMUP"
done
LOADED=$((LOADED + 2 * WARMUP))
for _ in $(seq 1 "$RUNS"); do
  for name in "${NAMES[@]}"; do load "$name" me "/me" "$DURATION"; done
  for name in "${NAMES[@]}"; do load "$name" tracks "/tracks?size=20" "$DURATION"; done
  LOADED=$((LOADED + 2 * DURATION))
done

median() { # file column → median
  cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
thousands() { printf "%.0f" "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
summary() { # name row → "6,912 req/s, p50 …"
  local f="$WORK/$1.$2"
  printf "%s req/s, p50 %.1f ms, p99 %.0f ms, max %s ms, %.2f ms CPU/req" "$(thousands "$(median "$f" 1)")" \
    "$(median "$f" 2)" "$(median "$f" 3)" "$(thousands "$(median "$f" 4)")" "$(median "$f" 5)"
}
rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
LOAD=$(cut -d' ' -f1 /proc/loadavg)
for row in me tracks; do
  line="RESULT api-$row $(summary encore "$row")"
  [ -n "${ENCORE_BASELINE_JAR:-}" ] && line="$line (baseline: $(summary baseline "$row"))"
  echo "$line, load $LOAD, median of $RUNS"
done
line="RESULT rss-load $(rss "$PID_encore") MB after ${LOADED} s of load"
[ -n "${ENCORE_BASELINE_JAR:-}" ] && line="$line (baseline: $(rss "$PID_baseline") MB)"
echo "$line"
