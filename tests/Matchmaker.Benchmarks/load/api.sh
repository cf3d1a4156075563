# Sourced by the load scripts here: publishes the API in Release, starts it on a free loopback port
# against a SQLite file (a synthetic world seeded at start-up, or a copy of an existing file), waits
# for /health/ready, and signs in the bootstrap admin. Rate limits are off: the runs exceed them.
#
# After `api_start`: $api (base URL), $api_pid, $db (the SQLite file), $work (scratch folder, removed on
# exit), $admin_token. Settings: DB (reuse a copy of this file), SAVE_DB (keep the seeded file there),
# API_DIR (an existing publish), SMES, NEEDS, PARTNERS, RANDOM_SEED, READY_SECONDS.

load_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/matchmaker-load.XXXXXX")"
api_pid=""
admin_email="admin@load.test"
admin_password="load-test-admin-password"

api_stop() {
  local status=$?
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  if [[ $status -ne 0 ]]; then
    echo "load: failed (exit $status); API log tail:" >&2
    tail -n 40 "$work/api.log" >&2 2>/dev/null || true
  fi
  rm -rf "$work"
  exit $status
}
trap api_stop EXIT
trap 'exit 130' INT TERM

say() {
  echo "$@"
  if [[ -n "${OUT:-}" ]]; then echo "$@" >>"$OUT"; fi
}

api_start() {
  local dir="${API_DIR:-$work/api}"
  if [[ -z "${API_DIR:-}" ]]; then
    dotnet publish "$load_root/api/Matchmaker.Api" -c Release -o "$dir" --nologo -v quiet >/dev/null
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  api="http://127.0.0.1:$port"
  db="$work/matchmaker.db"
  local seed=()
  if [[ -n "${DB:-}" ]]; then
    cp "$DB" "$db"
  else
    seed=(Seed__Synthetic__Smes="${SMES:-5000}" Seed__Synthetic__Needs="${NEEDS:-10000}"
      Seed__Synthetic__Partners="${PARTNERS:-100000}" Seed__Synthetic__RandomSeed="${RANDOM_SEED:-2026}")
  fi
  (cd "$dir" && env ASPNETCORE_URLS="$api" ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 \
    Auth__SigningKey="$(head -c 48 /dev/urandom | base64)" \
    Bootstrap__AdminEmail="$admin_email" Bootstrap__AdminPassword="$admin_password" \
    ConnectionStrings__Matchmaker="Data Source=$db" \
    RateLimits__Register__PermitLimit=0 RateLimits__SignIn__PermitLimit=0 \
    RateLimits__Search__PermitLimit=0 RateLimits__Write__PermitLimit=0 \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Matchmaker=Information \
    "${seed[@]}" dotnet Matchmaker.Api.dll >"$work/api.log" 2>&1) &
  api_pid=$!
  local started=$SECONDS
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$api/health/ready")" == 200 ]]; do
    kill -0 "$api_pid" 2>/dev/null || { echo "load: the API stopped before it was ready" >&2; return 1; }
    (( SECONDS - started < ${READY_SECONDS:-3600} )) || { echo "load: not ready after ${READY_SECONDS:-3600} s" >&2; return 1; }
    sleep 1
  done
  api_pid=$(pgrep -P "$api_pid" -f Matchmaker.Api.dll || echo "$api_pid")
  say "ready after $(( SECONDS - started )) s; $(grep -o 'Loaded a synthetic world.*' "$work/api.log" || echo "database $DB")"
  if [[ -n "${SAVE_DB:-}" ]]; then
    sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null && cp "$db" "$SAVE_DB"
  fi
  admin_token=$(token "$admin_email" "$admin_password")
}

# token EMAIL PASSWORD: a bearer token.
token() {
  curl -sf "$api/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken
}

# percentile P FILE: the nearest-rank percentile of the numbers in FILE, one a line.
percentile() {
  sort -g "$2" | awk -v p="$1" '{ a[NR] = $1 } END { i = int((p * NR + 99) / 100); if (i < 1) i = 1; print a[i] }'
}
