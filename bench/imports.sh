#!/usr/bin/env bash
# Measures imports end to end through Encore (API request → job → stored file) against running
# yt-dlp and then ffmpeg by hand on the same input, for two sources served on loopback by python's
# http.server:
#   - a direct media link (the mp3 itself): row imports-direct; Encore converts while downloading;
#   - an HTML page with an <audio> element, which needs yt-dlp's extraction: row imports.
# Runs alternate (by hand, then Encore) so load changes hit both sides; medians are printed, then
# one RESULT line per row (the ratio is Encore's median over the by-hand median; below 1 is faster).
#
#   bench/imports.sh [runs=5] [seconds-of-audio=120] [format=mp3]
#   quick mode (bench/all.sh): bench/imports.sh 3 120
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SECONDS_OF_AUDIO=${2:-120}
FORMAT=${3:-mp3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in ffmpeg yt-dlp python3 curl bc; do
  command -v "$tool" >/dev/null || { echo "bench/imports.sh needs $tool" >&2; exit 1; }
done
case "$FORMAT" in
  mp3) ENCODER=(-c:a libmp3lame -q:a 2) ;; flac) ENCODER=(-c:a flac -compression_level 8) ;;
  opus) ENCODER=(-c:a libopus -b:a 128k -vbr on) ;; m4a) ENCODER=(-c:a aac -b:a 192k) ;;
  wav) ENCODER=(-c:a pcm_s16le) ;; *) echo "format $FORMAT: use mp3, flac, opus, m4a or wav" >&2; exit 1 ;;
esac
JAR=${ENCORE_JAR:-target/encore.jar}
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
cat >"$WORK/www/page.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Bench Page</title></head>
<body><h1>Bench Page</h1><audio controls src="input.mp3"></audio></body></html>
HTML
HTTP_PORT=$(free_port)
python3 -m http.server "$HTTP_PORT" --bind 127.0.0.1 --directory "$WORK/www" >/dev/null 2>&1 &
HTTP_PID=$!
ORIGIN="http://127.0.0.1:$HTTP_PORT"

PORT=$(free_port)
# shellcheck disable=SC2086 # ENCORE_JAVA_OPTS is a list of JVM options
"$JAVA_HOME/bin/java" ${ENCORE_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --encore.data-dir="$WORK/data" \
  --encore.ingest.trusted-networks=127.0.0.1/32 --encore.ratelimit.enabled=false >"$WORK/encore.log" 2>&1 &
ENCORE_PID=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.25; done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "Encore did not become ready" >&2; tail -20 "$WORK/encore.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT/api/v1"
curl -sS --fail-with-body -H 'Content-Type: application/json' -d '{"username":"bench","email":"bench@example.org","password":"Quiet-Harbor-2026"}' \
  "$BASE/auth/register" >/dev/null
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"identifier":"bench","password":"Quiet-Harbor-2026"}' \
  "$BASE/auth/login" | json "['accessToken']")

by_hand() { # $1 path, $2 run: yt-dlp (as Encore runs it, minus the proxy) then ffmpeg with the same encoder settings
  local dir="$WORK/hand-$2"; rm -rf "$dir"; mkdir -p "$dir"
  yt-dlp --ignore-config --no-cache-dir --quiet --no-warnings --no-playlist --no-part -o "$dir/source.%(ext)s" \
    -- "$ORIGIN/$1?hand=$2"
  ffmpeg -hide_banner -loglevel error -nostdin -y -i "$dir"/source.* -map 0:a:0 "${ENCODER[@]}" "$dir/result.$FORMAT"
}

# the first "name":"string" member of a JSON answer (the import's own id and status come first), read
# without starting a Python: an interpreter's start (0.2–0.4 s here) is the client's time, not the import's
first_string() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }

through_encore() { # $1 path, $2 run; a distinct query string per run: no metadata cache hit, no artifact reuse
  local id status
  id=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"url\":\"$ORIGIN/$1?run=$2\",\"format\":\"$FORMAT\"}" "$BASE/imports" | first_string id)
  # the progress stream closes after the final status: no polling delay in the measurement
  curl -fsN -m 600 -H "Authorization: Bearer $TOKEN" "$BASE/imports/$id/events" >/dev/null || true
  while :; do # the stream's end is the final status; a dropped stream falls back to polling
    status=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/imports/$id" | first_string status)
    case "$status" in SUCCEEDED) return 0 ;; FAILED|PARTIAL|CANCELLED) echo "import of $1: $status" >&2; exit 1 ;; esac
    sleep 0.05
  done
}

timed() { # $1 file to append seconds to, then the command; then a pause, so that nothing of this run
  # (Encore starting its next yt-dlp ahead of time, the kernel writing files back) overlaps the next one
  local out=$1 t0 t1; shift
  t0=$(now); "$@"; t1=$(now); echo "$t1 - $t0" | bc -l >>"$out"
  sleep 2
}

# the first import of a page after Encore's start has no yt-dlp started ahead of time (encore.media.ytdlp-spare-idle)
timed "$WORK/encore-first-page.txt" through_encore page.html first
for source in input.mp3 page.html; do through_encore "$source" warmup; by_hand "$source" warmup; sleep 2; done
for i in $(seq 1 "$RUNS"); do
  timed "$WORK/hand-direct.txt" by_hand input.mp3 "$i"
  timed "$WORK/encore-direct.txt" through_encore input.mp3 "$i"
  timed "$WORK/hand-page.txt" by_hand page.html "$i"
  timed "$WORK/encore-page.txt" through_encore page.html "$i"
done
LOAD=$(uptime | sed 's/.*load average: //')
printf 'input: %ss of audio, format %s, %s runs each (medians); load %s\n' "$SECONDS_OF_AUDIO" "$FORMAT" "$RUNS" "$LOAD"
result() { # $1 row, $2 label, $3 file stem
  local hand encore
  hand=$(median <"$WORK/hand-$3.txt"); encore=$(median <"$WORK/encore-$3.txt")
  printf '%s: by hand (yt-dlp + ffmpeg) %.2f s, through Encore (API → job → file) %.2f s\n' "$2" "$hand" "$encore"
  printf 'RESULT %s %.2f× (Encore %.2f s, yt-dlp + ffmpeg by hand %.2f s; %s s %s, median of %s)\n' "$1" \
    "$(echo "$encore / $hand" | bc -l)" "$encore" "$hand" "$SECONDS_OF_AUDIO" "$FORMAT" "$RUNS"
}
printf 'first page import after start (yt-dlp started cold): %.2f s\n' "$(cat "$WORK/encore-first-page.txt")"
result imports "HTML page with <audio> (yt-dlp extraction)" page
result imports-direct "direct media link" direct
