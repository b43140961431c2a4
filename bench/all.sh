#!/usr/bin/env bash
# Every performance benchmark of issue 14 in one go, on this machine, Encore and its reference side
# by side (nginx for bytes, yt-dlp + ffmpeg by hand for imports), and the README's Performance table
# with the measured column. Each benchmark takes its own medians, waits for readiness and stops what
# it started; this script only runs them one after another and collects their `RESULT <row> <text>`
# lines.
#
#   bench/all.sh                  print the table (and keep every benchmark's log in bench/out/)
#   bench/all.sh --update-readme  also write the table into README.md between its markers
#   BENCH_ONLY="api stream" bench/all.sh   run only some benchmarks (startup api stream imports search)
#   BENCH_FULL=1 bench/all.sh     also the million-track search row, both engines (about 25 minutes
#                                 more: seeding a million tracks and building each engine's index)
#
# Takes about 20 minutes on 2 cores without BENCH_FULL. Run it on a quiet machine: the table records
# the load average at the start and at the end. A row a run did not measure keeps the figure of the
# last run that did (bench/out/last-<row>.txt), marked with that run's date.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# shellcheck source=bench/small-box.sh
. bench/small-box.sh
UPDATE_README=false
[ "${1:-}" = --update-readme ] && UPDATE_README=true
ONLY=${BENCH_ONLY:-startup api stream imports search}

OUT=bench/out
mkdir -p "$OUT"
./mvnw -q -B -ntp -DskipTests package >/dev/null

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u +%FT%TZ)

run() { # name, command...: runs one benchmark, its output to bench/out/<name>.log and RESULT lines kept
  local name=$1; shift
  case " $ONLY " in *" $name "*) ;; *) return 0 ;; esac
  printf '== %s: %s\n' "$name" "$*" >&2
  local t0=$SECONDS
  if ! "$@" >"$OUT/$name.log" 2>&1; then
    printf '   %s failed (exit status above), see %s\n' "$name" "$OUT/$name.log" >&2
  fi
  printf '   %s took %d s\n' "$name" $((SECONDS - t0)) >&2
  grep '^RESULT ' "$OUT/$name.log" >>"$OUT/results.txt" || true
  local row text
  while read -r _ row text; do # keep each row's newest figure for runs that skip it
    printf '%s (measured %s)' "$text" "$(date -u +%FT%H:%MZ)" >"$OUT/last-$row.txt"
  done < <(grep '^RESULT ' "$OUT/$name.log" || true)
}

: >"$OUT/results.txt"
run startup bench/startup.sh 3
# the documented small-box JVM line (README, docs/performance.md), as Encore is launched; the search
# bench keeps its own 512 MB heap (its in-process seeding needs more than Encore serving does)
run api     env ENCORE_JAVA_OPTS="${ENCORE_JAVA_OPTS:-$SMALL_BOX_JVM}" \
  MALLOC_ARENA_MAX=2 bench/api.sh 3 15
run stream  bench/stream.sh 20 8 10 4,0 3
run imports bench/imports.sh 3 120
run search  bench/search.sh 100000 1000 both
if [ -n "${BENCH_FULL:-}" ]; then
  ONLY="$ONLY search-1m"
  run search-1m env SEARCH_DB=postgres bench/search.sh 1000000 1000 both
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

readme_cell() { # row title → its measured text as README.md has it now ("" when it has none)
  local line
  line=$(grep -F -- "| $1 |" README.md | head -1 || true)
  [ -n "$line" ] && printf '%s' "$line" | awk -F ' [|] ' '{print $3}'
  return 0
}

# the time of the run that wrote the README's table now, for the rows this run does not measure
PREVIOUS_RUN=$(sed -n 's/^Measured by `bench\/all.sh` on \([0-9-]*T[0-9]*:[0-9]*\).*/\1Z/p' README.md | head -1)

measured() { # row id, row title → its measured text, or why there is none
  local line cell
  line=$(grep "^RESULT $1 " "$OUT/results.txt" | tail -1 || true)
  cell=$(readme_cell "$2")
  if [ -n "$line" ]; then printf '%s' "${line#RESULT $1 }"
  elif [ -f "$OUT/last-$1.txt" ]; then cat "$OUT/last-$1.txt"
  # bench/out/ is not in git: on a fresh clone the README keeps what the last run that measured it wrote
  # marked with that run's date (the table's footer names only this run)
  elif [ -n "$cell" ]; then
    case $cell in
      *"(measured "*) printf '%s' "$cell" ;;
      *) printf '%s (measured %s)' "$cell" "${PREVIOUS_RUN:-in an earlier run}" ;;
    esac
  else printf 'not measured (see bench/out/)'; fi
}

table() {
  printf '| what | goal | measured | command |\n| --- | --- | --- | --- |\n'
  row() { printf '| %s | %s | %s | `%s` |\n' "$1" "$2" "$(measured "$3" "$1")" "$4"; }
  row 'start to `/readyz` 200, embedded, fresh data dir' '≤ 5 s' startup 'bench/startup.sh 3'
  row 'the same with the AOT cache and Spring AOT' '≤ 3 s' startup-aot 'bench/startup.sh 3'
  row 'memory (RSS) idle, 20 s after ready' '≤ 300 MB' rss-idle 'bench/startup.sh 3'
  row 'memory (RSS) after a minute of load' '≤ 512 MB' rss-load 'bench/api.sh 3 15'
  row '`GET /api/v1/me`, bearer token, `wrk -t2 -c64 --latency`' '≥ 5,000 req/s, p99 ≤ 50 ms, none over 1 s' api-me 'bench/api.sh 3 15'
  row '`GET /api/v1/tracks?size=20`, same' '≥ 3,000 req/s, p99 ≤ 50 ms' api-tracks 'bench/api.sh 3 15'
  row 'Range streaming, random 4 MiB ranges, vs nginx' '≥ 0.8' stream-4m 'bench/stream.sh 20 8 10 4 3'
  row 'Range streaming, open-ended ranges (as players send them), vs nginx' '≥ 1.0' stream-open 'bench/stream.sh 20 8 10 0 3'
  row 'import of a 2-minute source that needs extraction vs yt-dlp + ffmpeg by hand' '≤ 1.05×' imports 'bench/imports.sh 3 120'
  row 'import of a 2-minute direct media link vs yt-dlp + ffmpeg by hand' '< 1.0×' imports-direct 'bench/imports.sh 3 120'
  row 'search p95, 100,000 tracks (embedded Lucene; PostgreSQL)' '≤ 25 ms' search-100k 'bench/search.sh 100000 1000 both'
  row 'search p95, 1,000,000 tracks, heap bounded at 512 MB' '≤ 50 ms' search-1m 'SEARCH_DB=postgres bench/search.sh 1000000 1000 both'
  printf '\nMeasured by `bench/all.sh` on %s, %s cores, %s; load average %s at the start, %s at the end. A row marked "measured" with a date keeps the figure of an earlier run that measured it.\n' \
    "$STARTED" "$(nproc)" "$(uname -m)" "$LOAD_BEFORE" "$LOAD_AFTER"
}

table | tee "$OUT/table.md"

if $UPDATE_README; then
  python3 - "$OUT/table.md" <<'PY'
import pathlib, re, sys
table = pathlib.Path(sys.argv[1]).read_text()
readme = pathlib.Path("README.md")
text = readme.read_text()
start, end = "<!-- bench/all.sh -->", "<!-- /bench/all.sh -->"
if start not in text or end not in text:
    sys.exit("README.md has no bench/all.sh markers")
pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
readme.write_text(pattern.sub(lambda _: start + "\n" + table + end, text))
print("README.md: Performance table updated")
PY
fi
