#!/usr/bin/env bash
# End-to-end test: publish the API, start it on a fresh SQLite database, run the Postman collection
# through a Prism proxy that checks every request and response against the OpenAPI document, then
# lint that document with Spectral (spectral:oas + OWASP). Stops everything it started on exit.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/matchmaker-e2e.XXXXXX")"
api_pid="" prism_pid=""

stop() {
  local status=$?
  for pid in "$prism_pid" "$api_pid"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [[ $status -ne 0 ]]; then
    echo "e2e: failed (exit $status); API log tail:" >&2
    tail -n 40 "$work/api.log" >&2 2>/dev/null || true
    echo "e2e: Prism log tail:" >&2
    tail -n 40 "$work/prism.log" >&2 2>/dev/null || true
  fi
  rm -rf "$work"
  exit $status
}
trap stop EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

wait_for() { # url seconds
  local url=$1 deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      echo "e2e: $url did not answer within $2 s" >&2
      return 1
    fi
    sleep 0.5
  done
}

echo "e2e: npm ci"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
bin="$here/node_modules/.bin"

echo "e2e: dotnet publish"
dotnet publish "$root/api/Matchmaker.Api/Matchmaker.Api.csproj" -c Release -o "$work/api" --nologo -v quiet

api_port=$(free_port)
api="http://127.0.0.1:$api_port"
admin_email="admin-$(date +%s)@e2e.matchmaker.test"
admin_password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
mkdir -p "$work/data"

# The production limits, so Prism checks the rate-limit headers clients get. Prism is the API's
# known proxy: the collection's 429 check sends X-Forwarded-For to count as a client of its own.
echo "e2e: starting the API on $api"
(
  cd "$work/api"
  ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="$api" \
  Database__Provider=Sqlite \
  ConnectionStrings__Matchmaker="Data Source=$work/data/matchmaker.db" \
  Auth__SigningKey="$(head -c 48 /dev/urandom | base64)" \
  Bootstrap__AdminEmail="$admin_email" \
  Bootstrap__AdminPassword="$admin_password" \
  Seed__Demo=false \
  Jobs__PollSeconds=1 \
  Network__KnownProxies__0=127.0.0.1 \
  RateLimits__Register__PermitLimit=20 RateLimits__Register__WindowSeconds=600 \
  RateLimits__SignIn__PermitLimit=10 RateLimits__SignIn__WindowSeconds=60 \
  RateLimits__Search__PermitLimit=120 RateLimits__Search__WindowSeconds=60 \
  RateLimits__Write__PermitLimit=120 RateLimits__Write__WindowSeconds=60 \
  exec dotnet Matchmaker.Api.dll
) >"$work/api.log" 2>&1 &
api_pid=$!
wait_for "$api/health/ready" 60

curl -fsS "$api/openapi/v1.json" -o "$work/openapi.json"
mkdir -p "$here/out"
cp "$work/openapi.json" "$here/out/openapi.json"

echo "e2e: every schema compiles as Prism compiles it"
node "$here/check-schemas.mjs" "$work/openapi.json"

start_prism() { # document port log
  "$bin/prism" proxy "$1" "$api" --errors --host 127.0.0.1 --port "$2" >"$3" 2>&1 &
  prism_pid=$!
  wait_for "http://127.0.0.1:$2/health/live" 60
}

expect_status() { # expected what curl-arguments...
  local expected=$1 what=$2 got
  shift 2
  got=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  if [[ "$got" != "$expected" ]]; then
    echo "e2e: Prism is not validating: $what answered $got, not $expected" >&2
    return 1
  fi
}

# Canary: a document whose currencies answer requires a field the API never sends. Prism must
# turn the real answer into a 500 violation, or a green run below would prove nothing.
echo "e2e: Prism canaries"
node -e '
  const fs = require("fs");
  const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  doc.paths["/api/v1/reference/{list}"].get.responses["200"].content["application/json"].schema =
    { type: "object", required: ["canary"], properties: { canary: { type: "string" } } };
  fs.writeFileSync(process.argv[2], JSON.stringify(doc));' "$work/openapi.json" "$work/canary.json"
canary_port=$(free_port)
start_prism "$work/canary.json" "$canary_port" "$work/canary.log"
expect_status 500 "a response that breaks the document" "http://127.0.0.1:$canary_port/api/v1/reference/currencies"
kill "$prism_pid"; wait "$prism_pid" 2>/dev/null || true; prism_pid=""

prism_port=$(free_port)
proxy="http://127.0.0.1:$prism_port"
echo "e2e: Prism validation proxy on $proxy"
start_prism "$work/openapi.json" "$prism_port" "$work/prism.log"
expect_status 422 "a request that breaks the document" -X POST "$proxy/api/v1/auth/token" \
  -H 'Content-Type: application/json' --data '{"email": 42, "password": "x"}'
expect_status 200 "a request and response that follow the document" "$proxy/api/v1/reference/currencies"

status=0
echo "e2e: newman"
"$bin/newman" run "$here/Matchmaker.postman_collection.json" \
  -e "$here/local.postman_environment.json" \
  --env-var "baseUrl=$proxy" \
  --env-var "adminEmail=$admin_email" \
  --env-var "adminPassword=$admin_password" \
  --iteration-count 2 \
  --reporters cli --color off || status=1

echo "e2e: spectral"
"$bin/spectral" lint "$here/out/openapi.json" --ruleset "$here/.spectral.yaml" --fail-severity error --format text \
  || status=1

exit $status
