#!/usr/bin/env bash
# First load of the web app, as a browser sees it: Encore's packaged jar on its defaults (a fresh
# data dir), Debian's headless Chromium driven over the WebDriver protocol, an empty cache each run.
# Sums the bytes transferred (compressed, headers included: the Performance API's transferSize) for
#   signed out:  /            → the sign-in screen (shell, app code, Lit, styles, icon)
#   signed in:   /library/tracks after a sign-in, cache cleared → the library screen and its data
# and prints the median of RUNS runs of each, with a breakdown by kind. The issue's budget: 250 KB.
#
#   bench/webload.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in chromium chromedriver python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/webload.sh needs $tool (apt-get install chromium chromium-driver)" >&2; exit 1; }
done
JAR=target/encore.jar
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package

WORK=$(mktemp -d)
cleanup() {
  kill "${ENCORE_PID:-}" "${DRIVER_PID:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

PORT=$(free_port)
# the public URL is where the browser goes: the refresh cookie is bound to it
"$JAVA_HOME/bin/java" -jar "$JAR" --server.port="$PORT" --encore.data-dir="$WORK/data" \
  --encore.public-url="http://localhost:$PORT" >"$WORK/encore.log" 2>&1 &
ENCORE_PID=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "Encore did not become ready; its log:" >&2; tail -50 "$WORK/encore.log" >&2; exit 1; }
curl -sS --fail-with-body -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.org","password":"Quiet-Harbor-2026"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/register" >/dev/null

DRIVER_PORT=$(free_port)
chromedriver --port="$DRIVER_PORT" >"$WORK/driver.log" 2>&1 &
DRIVER_PID=$!
for _ in $(seq 1 40); do curl -fs "http://127.0.0.1:$DRIVER_PORT/status" >/dev/null 2>&1 && break; sleep 0.25; done

echo "Encore $(git describe --always --dirty 2>/dev/null || echo '?') on :$PORT; chromium $(chromium --version 2>/dev/null | awk '{print $2}'); $RUNS runs each"
python3 - "$DRIVER_PORT" "http://localhost:$PORT" "$RUNS" <<'PY'
import json, statistics, sys, time, urllib.request

driver, app, runs = f"http://127.0.0.1:{sys.argv[1]}", sys.argv[2], int(sys.argv[3])

def call(method, path, body=None):
    request = urllib.request.Request(driver + path, method=method,
        data=None if body is None else json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)["value"]

def script(sid, source, *args):
    return call("POST", f"/session/{sid}/execute/sync", {"script": source, "args": list(args)})

def cdp(sid, cmd, params=None):
    return call("POST", f"/session/{sid}/goog/cdp/execute", {"cmd": cmd, "params": params or {}})

def wait_for(sid, source, what):
    for _ in range(200):
        if script(sid, source):
            return
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {what}")

# the page is loaded once the screen is drawn and nothing more arrives for a moment
SETTLED = """const entries = performance.getEntriesByType('resource');
  return entries.length > 0 && performance.now() - Math.max(...entries.map(e => e.responseEnd)) > 1500"""
MEASURE = """return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map(e => ({ name: e.name, type: e.initiatorType, bytes: e.transferSize, body: e.decodedBodySize }))"""
SCREEN = "const app = document.querySelector('encore-app'); return !!(app && app.shadowRoot && app.shadowRoot.querySelector('%s'))"

def kind(entry):
    name = entry["name"]
    if "/app/lib/" in name: return "libraries"
    if "/api/" in name: return "api"
    if entry["type"] == "navigation": return "shell"
    if name.endswith(".css"): return "styles"
    if name.endswith(".js"): return "app code"
    return "other"

def load(signed_in):
    sid = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
        "binary": "/usr/bin/chromium",
        "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800"]}}}})["sessionId"]
    try:
        if signed_in:
            call("POST", f"/session/{sid}/url", {"url": app + "/sign-in"})
            wait_for(sid, SCREEN % "encore-sign-in", "the sign-in screen")
            # signs in the way the app does (browser mode: the refresh token in the HttpOnly cookie)
            script(sid, """return fetch('/api/v1/auth/login?cookie=true', {method: 'POST',
                headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
                body: JSON.stringify({identifier: 'bench', password: 'Quiet-Harbor-2026'})})
                .then(r => { localStorage.setItem('encore.session', '1'); return r.status; })""")
            time.sleep(0.5)
            cdp(sid, "Network.clearBrowserCache")
            path, screen = "/library/tracks", "encore-tracks"
        else:
            path, screen = "/", "encore-sign-in"
        call("POST", f"/session/{sid}/url", {"url": app + path})
        wait_for(sid, SCREEN % screen, screen)
        wait_for(sid, SETTLED, "the network to settle")
        return script(sid, MEASURE)
    finally:
        call("DELETE", f"/session/{sid}")

for label, signed_in in (("signed out, / (sign-in screen)", False), ("signed in, /library/tracks", True)):
    totals, breakdowns = [], []
    for _ in range(runs):
        entries = load(signed_in)
        totals.append(sum(e["bytes"] for e in entries))
        breakdown = {}
        for e in entries:
            k = kind(e)
            sent, body = breakdown.get(k, (0, 0))
            breakdown[k] = (sent + e["bytes"], body + e["body"])
        breakdowns.append((len(entries), breakdown))
    median = statistics.median(totals)
    count, breakdown = breakdowns[totals.index(sorted(totals)[len(totals) // 2])]
    print(f"\n{label}: median {median / 1024:.1f} KB transferred in {count} requests "
          f"(runs: {', '.join(f'{t / 1024:.1f}' for t in totals)} KB; budget 250 KB)")
    for k, (sent, body) in sorted(breakdown.items(), key=lambda item: -item[1][0]):
        print(f"  {k:<10} {sent / 1024:7.1f} KB on the wire  {body / 1024:7.1f} KB decoded")
PY
