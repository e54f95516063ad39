#!/usr/bin/env bash
# Sourced by .ci/run: the README's first command, `matcher serve`, started in the
# background on a throw-away SQLite file with the demo data; /health must answer, a demo
# graduate must upload the bundled resume (read in the server's isolated reading process)
# and a demo employer must sign in and rank candidates for the demo job. Then it is stopped.
set -euo pipefail

SMOKE_DIR="$(mktemp -d /tmp/matcher-ci-serve.XXXXXX)"
SMOKE_PORT="${MATCHER_CI_SERVE_PORT:-8766}"
MATCHER_STATE_DIR="$SMOKE_DIR" python -m matcher serve --port "$SMOKE_PORT" \
    > "$SMOKE_DIR/serve.log" 2>&1 &
SERVE_PID=$!
base="http://127.0.0.1:$SMOKE_PORT"
for _ in $(seq 1 120); do
    if curl -sf "$base/health" > /dev/null; then break; fi
    if ! kill -0 "$SERVE_PID" 2> /dev/null; then cat "$SMOKE_DIR/serve.log"; exit 1; fi
    sleep 1
done
curl -sf "$base/health"
echo
graduate="$(curl -sf -X POST "$base/api/v1/auth/token" \
    -d "username=avery@demo.example.org&password=demo-password" |
    python -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')"
roles="$(curl -sf -H "Authorization: Bearer $graduate" \
    -F "file=@data/examples/graduate_resume.txt" "$base/api/v1/me/resume" |
    python -c 'import json, sys; print(len(json.load(sys.stdin)["roles"]))')"
echo "serve smoke test: the uploaded resume is scored for $roles roles"
test "$roles" -eq 12
token="$(curl -sf -X POST "$base/api/v1/auth/token" \
    -d "username=hiring@prairie.demo.example.org&password=demo-password" |
    python -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')"
job="$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/jobs" |
    python -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')"
ranked="$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/jobs/$job/candidates" |
    python -c 'import json, sys; print(json.load(sys.stdin)["total"])')"
echo "serve smoke test: the demo job ranks $ranked candidates"
kill "$SERVE_PID"
wait "$SERVE_PID" || true
grep -q "demo data loaded" "$SMOKE_DIR/serve.log"
rm -rf "$SMOKE_DIR"
