#!/usr/bin/env bash
# Video processing of a 1080p source: Encore (POST /api/v1/videos → processing job → HLS ladder,
# audio rendition, poster, thumbnail and storyboard stored → state "ready"; the upload before it is
# timed apart, as it is no part of the processing) against
# the same ladder made by hand with one ffmpeg command line, the one Encore runs for this source
# (printed below). Prints the medians, the ratio Encore / by hand (goal: at most 1.10) and the
# real-time factor (seconds of video processed per second of wall time), then the storage the
# renditions cost per minute of video.
#
#   bench/video.sh [runs=3] [minutes=5]        SOURCE=file.mp4 bench/video.sh reuses a 1080p30 source
#
# On 2 cores a 5-minute 1080p source takes about a quarter of an hour per run.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
MINUTES=${2:-5}
PORT=${PORT:-18101}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in ffmpeg ffprobe curl bc; do
  command -v "$tool" >/dev/null || { echo "bench/video.sh needs $tool" >&2; exit 1; }
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
# the first "name":"string" member of a JSON answer, read without starting a Python: the poll below runs every
# quarter second while Encore encodes, and an interpreter's start (0.2–0.4 s of CPU here) each time took
# CPU from the encoder on a 2-core machine
first_string() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }
now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# the source: a moving 1080p30 test pattern with a tone, encoded like a camera file (about 20 Mbit/s)
SRC=${SOURCE:-$WORK/source.mp4}
if [ -z "${SOURCE:-}" ]; then
  ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=$((MINUTES * 60))" \
    -f lavfi -i "sine=frequency=440:duration=$((MINUTES * 60))" -c:v libx264 -preset ultrafast -crf 18 \
    -pix_fmt yuv420p -c:a aac -b:a 192k "$SRC"
fi
DURATION=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$SRC")

# by hand: Encore's ladder for a 1080p30 source with sound (dev.encore.media.video.VideoCommand),
# without the storyboard frames and the poster run Encore also makes
HAND=(ffmpeg -hide_banner -nostdin -y -loglevel error -i "$SRC"
  -filter_complex "[0:v]split=5[s0][s1][s2][s3][s4];[s0]scale=1920:1080,setsar=1,format=yuv420p[v0];[s1]scale=1280:720,setsar=1,format=yuv420p[v1];[s2]scale=854:480,setsar=1,format=yuv420p[v2];[s3]scale=640:360,setsar=1,format=yuv420p[v3];[s4]scale=426:240,setsar=1,format=yuv420p[v4]"
  -map "[v0]" -map 0:a:0 -map "[v1]" -map 0:a:0 -map "[v2]" -map 0:a:0 -map "[v3]" -map 0:a:0 -map "[v4]" -map 0:a:0 -map 0:a:0
  -c:v libx264 -preset veryfast -profile:v high -crf 23 -g 120 -keyint_min 120 -sc_threshold 0
  -force_key_frames "expr:gte(t,n_forced*4)"
  -maxrate:v:0 5000k -bufsize:v:0 10000k -maxrate:v:1 2720k -bufsize:v:1 5440k -maxrate:v:2 1480k -bufsize:v:2 2960k
  -maxrate:v:3 960k -bufsize:v:3 1920k -maxrate:v:4 520k -bufsize:v:4 1040k
  -c:a aac -b:a 128k -ac 2 -ar 48000
  -f hls -hls_time 4 -hls_playlist_type vod -hls_segment_type fmp4 -hls_flags independent_segments
  -hls_fmp4_init_filename "init_%v.mp4" -hls_segment_filename "%v/seg-%05d.m4s" -start_number 1
  -var_stream_map "v:0,a:0,name:1080p v:1,a:1,name:720p v:2,a:2,name:480p v:3,a:3,name:360p v:4,a:4,name:240p a:5,name:audio"
  "%v/index.m3u8")
echo "by hand:"; printf ' %q' "${HAND[@]}"; echo

by_hand() {
  local dir="$WORK/hand-$1"; mkdir -p "$dir"
  (cd "$dir" && "${HAND[@]}")
}

"$JAVA_HOME/bin/java" -jar "$JAR" --server.port="$PORT" --encore.data-dir="$WORK/data" \
  --encore.ratelimit.enabled=false --encore.upload.max-bytes=8GB --encore.upload.daily-bytes=64GB \
  --encore.quota.default-bytes=64GB >"$WORK/encore.log" 2>&1 &
ENCORE_PID=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/livez" >/dev/null 2>&1 && break; sleep 0.5; done # up to 5 min on a busy machine
curl -fs "http://127.0.0.1:$PORT/livez" >/dev/null || { echo "Encore did not start" >&2; tail -n 20 "$WORK/encore.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT/api/v1"
curl -sS --fail-with-body -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.org","password":"Quiet-Harbor-2026"}' "$BASE/auth/register" >/dev/null
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"identifier":"bench","password":"Quiet-Harbor-2026"}' \
  "$BASE/auth/login" | first_string accessToken)

through_encore() { # upload, then create → poll until ready; the processing time (create → ready) goes to encore.txt
  local upload id state t0 t1
  t0=$(now)
  upload=$(curl -fsS -H "Authorization: Bearer $TOKEN" -F "file=@$SRC;type=video/mp4" "$BASE/uploads" | first_string id)
  t1=$(now); echo "$t1 - $t0" | bc -l >>"$WORK/upload.txt"
  t0=$(now)
  id=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"uploadId\":\"$upload\",\"title\":\"Bench $1\"}" "$BASE/videos" | first_string id)
  while :; do
    # processing is {"state": …} (VideoView.ProcessingView, its first member); the only "state" in the answer
    state=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/videos/$id" | first_string state)
    case "$state" in
      ready) t1=$(now); echo "$t1 - $t0" | bc -l >>"$WORK/encore.txt"; return 0 ;;
      failed|cancelled) echo "video $state:" >&2
        curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/videos/$id" >&2; exit 1 ;;
    esac
    sleep 0.25
  done
}

: >"$WORK/hand.txt"; : >"$WORK/encore.txt"; : >"$WORK/upload.txt"
for i in $(seq 1 "$RUNS"); do
  t0=$(now); by_hand "$i"; t1=$(now); echo "$t1 - $t0" | bc -l >>"$WORK/hand.txt"
  through_encore "$i"
  printf 'run %s: by hand %.1f s, Encore %.1f s (and its upload %.1f s)\n' "$i" "$(tail -n 1 "$WORK/hand.txt")" \
    "$(tail -n 1 "$WORK/encore.txt")" "$(tail -n 1 "$WORK/upload.txt")"
  [ "$i" = "$RUNS" ] || rm -rf "$WORK/hand-$i"
done
HAND_S=$(median <"$WORK/hand.txt")
ENCORE_S=$(median <"$WORK/encore.txt")
printf '\nsource: %.0f s of 1080p30 with sound, %s MiB; %s runs (medians)\n' "$DURATION" \
  "$(( $(stat -c %s "$SRC") / 1048576 ))" "$RUNS"
printf '%-44s %9s %10s\n' "" "wall (s)" "real time"
printf '%-44s %9.1f %9.2fx\n' "by hand (one ffmpeg, ladder only)" "$HAND_S" "$(echo "$DURATION / $HAND_S" | bc -l)"
printf '%-44s %9.1f %9.2fx\n' "Encore (saved → ready, all outputs stored)" "$ENCORE_S" "$(echo "$DURATION / $ENCORE_S" | bc -l)"
printf '%-44s %9.1f\n' "  before that, the upload (not compared)" "$(median <"$WORK/upload.txt")"
printf 'ratio Encore / by hand: %.2f (goal: at most 1.10)\n' "$(echo "$ENCORE_S / $HAND_S" | bc -l)"

echo; echo "storage per minute of video (the last hand-made ladder):"
printf '%-8s %12s %10s\n' rendition "MiB/min" "Mbit/s"
TOTAL=0
for r in 1080p 720p 480p 360p 240p audio; do
  bytes=$(cat "$WORK/hand-$RUNS/$r"/* | wc -c)
  TOTAL=$((TOTAL + bytes))
  printf '%-8s %12.1f %10.2f\n' "$r" "$(echo "$bytes / 1048576 / ($DURATION / 60)" | bc -l)" \
    "$(echo "$bytes * 8 / $DURATION / 1000000" | bc -l)"
done
printf '%-8s %12.1f %10.2f\n' all "$(echo "$TOTAL / 1048576 / ($DURATION / 60)" | bc -l)" \
  "$(echo "$TOTAL * 8 / $DURATION / 1000000" | bc -l)"
