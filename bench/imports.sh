#!/usr/bin/env bash
# Measures one import end to end through Encore (API request → yt-dlp through the egress guard →
# ffmpeg → stored file) against running yt-dlp and ffmpeg by hand on the same input, and prints
# the overhead ratio. Everything runs on loopback: the input is generated with ffmpeg and served
# by a local HTTP server.
#
#   bench/imports.sh [runs=5] [seconds-of-audio=120] [format=mp3]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SECONDS_OF_AUDIO=${2:-120}
FORMAT=${3:-mp3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in ffmpeg yt-dlp python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/imports.sh needs $tool" >&2; exit 1; }
done
JAR=target/encore.jar
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package

WORK=$(mktemp -d)
cleanup() {
  kill "${ENCORE_PID:-}" "${HTTP_PID:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

mkdir -p "$WORK/www"
ffmpeg -hide_banner -loglevel error -f lavfi -i "sine=frequency=440:duration=$SECONDS_OF_AUDIO" \
  -metadata title="Bench Tone" -c:a libmp3lame -b:a 192k "$WORK/www/input.mp3"
HTTP_PORT=$(free_port)
python3 -m http.server "$HTTP_PORT" --bind 127.0.0.1 --directory "$WORK/www" >/dev/null 2>&1 &
HTTP_PID=$!

PORT=$(free_port)
"$JAVA_HOME/bin/java" -jar "$JAR" --server.port="$PORT" --encore.data-dir="$WORK/data" \
  --encore.ingest.trusted-networks=127.0.0.1/32 --encore.ratelimit.enabled=false >"$WORK/encore.log" 2>&1 &
ENCORE_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/livez" >/dev/null 2>&1 && break; sleep 0.5; done
BASE="http://127.0.0.1:$PORT/api/v1"
curl -sS --fail-with-body -H 'Content-Type: application/json' -d '{"username":"bench","email":"bench@example.org","password":"Quiet-Harbor-2026"}' \
  "$BASE/auth/register" >/dev/null
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"identifier":"bench","password":"Quiet-Harbor-2026"}' \
  "$BASE/auth/login" | json "['accessToken']")

by_hand() { # yt-dlp (as Encore runs it, minus the proxy) then ffmpeg with the same encoder settings
  local dir="$WORK/hand-$1"; mkdir -p "$dir"
  yt-dlp --ignore-config --no-cache-dir --quiet --no-warnings --no-playlist --no-part -o "$dir/source.%(ext)s" \
    -- "http://127.0.0.1:$HTTP_PORT/input.mp3?hand=$1"
  case "$FORMAT" in
    mp3) args=(-c:a libmp3lame -q:a 2) ;; flac) args=(-c:a flac -compression_level 8) ;;
    opus) args=(-c:a libopus -b:a 128k -vbr on) ;; m4a) args=(-c:a aac -b:a 192k) ;;
    wav) args=(-c:a pcm_s16le) ;; *) echo "format $FORMAT: use mp3, flac, opus, m4a or wav" >&2; exit 1 ;;
  esac
  ffmpeg -hide_banner -loglevel error -nostdin -y -i "$dir"/source.* -map 0:a:0 "${args[@]}" "$dir/result.$FORMAT"
}

through_encore() { # a distinct query string per run: no metadata cache hit, no artifact reuse
  local id status
  id=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$HTTP_PORT/input.mp3?run=$1\",\"format\":\"$FORMAT\"}" "$BASE/imports" | json "['id']")
  while :; do
    status=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/imports/$id" | json "['status']")
    case "$status" in SUCCEEDED) return 0 ;; FAILED|PARTIAL|CANCELLED) echo "import $status" >&2; exit 1 ;; esac
    sleep 0.05
  done
}

through_encore warmup >/dev/null; by_hand warmup
: >"$WORK/hand.txt"; : >"$WORK/encore.txt"
for i in $(seq 1 "$RUNS"); do
  t0=$(now); by_hand "$i"; t1=$(now); echo "$t1 - $t0" | bc -l >>"$WORK/hand.txt"
  t0=$(now); through_encore "$i"; t1=$(now); echo "$t1 - $t0" | bc -l >>"$WORK/encore.txt"
done
HAND=$(median <"$WORK/hand.txt")
ENCORE=$(median <"$WORK/encore.txt")
printf 'input: %ss of audio, format %s, %s runs (medians)\n' "$SECONDS_OF_AUDIO" "$FORMAT" "$RUNS"
printf 'by hand (yt-dlp + ffmpeg): %.2f s\n' "$HAND"
printf 'through Encore (API → job → file): %.2f s\n' "$ENCORE"
printf 'overhead ratio: %.2f\n' "$(echo "$ENCORE / $HAND" | bc -l)"
