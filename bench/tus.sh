#!/usr/bin/env bash
# A resumable (tus) upload of a large file in small PATCHes, on loopback: Encore's packaged jar on its
# defaults (embedded: H2, blobs and their chunks on the local disk), a WAV of SIZE_MB sent in PATCHes
# of CHUNK_KB each, one after another, as a tus client does. Prints, per run, the time of all the
# PATCHes but the last, of the last one (it concatenates the chunks and runs the upload pipeline:
# type, probe, store), the whole upload's MB/s, and the process CPU of the upload.
#
#   bench/tus.sh [runs=3] [size_mb=200] [chunk_kb=1024]
#
# With ENCORE_BASELINE_JAR=path/to/other.jar the same upload runs against that jar too, interleaved
# run by run (the machine is noisy: a side-by-side comparison in one go is the fair one).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SIZE_MB=${2:-200}
CHUNK_KB=${3:-1024}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in ffmpeg python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/tus.sh needs $tool" >&2; exit 1; }
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

# 16-bit stereo at 44.1 kHz: 176,400 bytes a second
SECONDS_OF_AUDIO=$(( SIZE_MB * 1024 * 1024 / 176400 ))
ffmpeg -hide_banner -loglevel error -f lavfi -i "sine=frequency=440:duration=$SECONDS_OF_AUDIO" -ac 2 -ar 44100 \
  -c:a pcm_s16le "$WORK/big.wav"

start() {
  local name=$1 jar=$2 port
  port=$(free_port)
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" ${ENCORE_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --encore.data-dir="$WORK/$name" \
    --encore.upload.max-bytes=$((SIZE_MB + 10))MB --encore.ratelimit.general.capacity=1000000000 >"$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 900); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "$name did not become ready" >&2; tail -50 "$WORK/$name.log" >&2; exit 1; }
  local base="http://127.0.0.1:$port/api/v1" token
  curl -sS --fail-with-body -H 'Content-Type: application/json' \
    -d '{"username":"bench","email":"bench@example.org","password":"Quiet-Harbor-2026"}' "$base/auth/register" >/dev/null
  token=$(curl -fsS -H 'Content-Type: application/json' -d '{"identifier":"bench","password":"Quiet-Harbor-2026"}' \
    "$base/auth/login" | json "['accessToken']")
  eval "PID_$name=$pid BASE_$name=$base TOKEN_$name=$token"
}

# one upload through the python client below (one keep-alive connection, PATCH after PATCH)
upload() {
  local name=$1 pid base token before after
  pid=$(eval echo "\$PID_$name"); base=$(eval echo "\$BASE_$name"); token=$(eval echo "\$TOKEN_$name")
  before=$(cpu_ticks "$pid")
  python3 - "$base" "$token" "$WORK/big.wav" "$((CHUNK_KB * 1024))" <<'PY' > "$WORK/times"
import http.client, os, sys, time, urllib.parse
base, token, path, chunk = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
url = urllib.parse.urlparse(base)
size = os.path.getsize(path)
conn = http.client.HTTPConnection(url.hostname, url.port)
common = {"Authorization": "Bearer " + token, "Tus-Resumable": "1.0.0"}
conn.request("POST", url.path + "/uploads/tus", headers=dict(common, **{"Upload-Length": str(size)}))
r = conn.getresponse(); r.read()
assert r.status == 201, r.status
location = r.getheader("Location")
start = time.monotonic()
offset = 0
with open(path, "rb") as f:
    while offset < size:
        body = f.read(chunk)
        if offset + len(body) >= size:
            last = time.monotonic()
        conn.request("PATCH", location, body=body, headers=dict(common, **{"Upload-Offset": str(offset),
                     "Content-Type": "application/offset+octet-stream"}))
        r = conn.getresponse(); text = r.read()
        assert r.status == 204, (r.status, text)
        offset += len(body)
end = time.monotonic()
print(f"{last - start:.2f} {end - last:.2f} {size / (end - start) / 1e6:.1f}")
PY
  after=$(cpu_ticks "$pid")
  read -r patches final mbs < "$WORK/times"
  printf '%-9s %s MB in %s KB PATCHes: PATCHes %6s s  last (finish) %6s s  %6s MB/s  CPU %6s s\n' "$name" "$SIZE_MB" \
    "$CHUNK_KB" "$patches" "$final" "$mbs" "$(awk -v t=$((after - before)) -v h="$CLK_TCK" 'BEGIN { printf "%.2f", t / h }')"
}

start encore "$JAR"
[ -n "${ENCORE_BASELINE_JAR:-}" ] && start baseline "$ENCORE_BASELINE_JAR"
for _ in $(seq 1 "$RUNS"); do
  upload encore
  [ -n "${ENCORE_BASELINE_JAR:-}" ] && upload baseline
done
