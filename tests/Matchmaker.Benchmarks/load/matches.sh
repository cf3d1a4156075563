#!/usr/bin/env bash
# Match lists and incremental matching against the real API process on SQLite (issue targets in
# tests/Matchmaker.Benchmarks/README.md, "Programme scale"):
#
#   bash tests/Matchmaker.Benchmarks/load/matches.sh                      # seed 5,000 SMEs / 10,000 needs / 100,000 partners, then measure
#   SAVE_DB=/tmp/world.db bash tests/Matchmaker.Benchmarks/load/matches.sh # ... and keep the seeded file
#   DB=/tmp/world.db bash tests/Matchmaker.Benchmarks/load/matches.sh      # measure a copy of an existing file
#
# 1. reads: wrk (THREADS threads, CONNECTIONS connections, DURATION seconds each) on /health/live, then
#    on GET /needs/{id}/matches?limit=20 and GET /partners/{id}/matches?limit=20 as the admin, rotating
#    over 200 random open needs and partners; prints requests per second, p50, p99 and the ratio to
#    /health/live of the same process in the same run;
# 2. incremental: a new SME account posts INCREMENTAL needs one by one and updates one of them as often,
#    and as many new partner accounts register a profile each; curl's time_total of every write, p50 and
#    p95 (each write scores the changed side against the whole other side before it answers), unless
#    SKIP_WRITES=1;
# 3. unless SKIP_JOB=1, a criteria change as the admin (one weight +1) and, while its re-score job runs,
#    the need-list wrk run again: the job's time from the API's log and the p99 during it against idle.
# Settings (all optional): those of api.sh, DURATION (15), CONNECTIONS (32), THREADS (2),
# INCREMENTAL (50), OUT. Needs the .NET SDK, curl, jq, sqlite3, python3 and wrk (Debian package wrk).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=api.sh
source "$here/api.sh"
duration=${DURATION:-15}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
writes=${INCREMENTAL:-50}

api_start
sqlite3 "$db" "SELECT public_id FROM needs WHERE status = 'open' ORDER BY random() LIMIT 200" >"$work/needs.txt"
sqlite3 "$db" "SELECT public_id FROM partners ORDER BY random() LIMIT 200" >"$work/partners.txt"
say "world: $(sqlite3 "$db" "SELECT (SELECT COUNT(*) FROM needs) || ' needs, ' || (SELECT COUNT(*) FROM partners) || ' partners, ' || (SELECT COUNT(*) FROM matches) || ' matches'")"

# wrk_run NAME PATTERN [IDS]: one wrk run; prints and returns its RESULT line.
wrk_run() {
  local line
  line=$(PATTERN="$2" IDS="${3:-}" TOKEN="$admin_token" wrk -t"$threads" -c"$connections" -d"${duration}s" \
    -s "$here/latency.lua" "$api" | grep '^RESULT')
  say "$1: ${line#RESULT }"
  echo "$line" >"$work/$1.result"
}
field() { grep -o "$2=[0-9.]*" "$work/$1.result" | cut -d= -f2; }

# Warm the caches the lists use, then measure.
PATTERN="/api/v1/needs/%s/matches?limit=20" IDS="$work/needs.txt" TOKEN="$admin_token" \
  wrk -t1 -c4 -d3s -s "$here/latency.lua" "$api" >/dev/null
wrk_run health "/health/live"
wrk_run need-lists "/api/v1/needs/%s/matches?limit=20" "$work/needs.txt"
wrk_run partner-lists "/api/v1/partners/%s/matches?limit=20" "$work/partners.txt"
for list in need-lists partner-lists; do
  say "$list: $(python3 -c "print(f'{$(field $list rps) / $(field health rps):.2f}')") x /health/live requests per second"
done

# timed METHOD URL TOKEN BODY [IF_MATCH]: the body answered, with the seconds taken appended to $work/$TIMES.
timed() {
  local args=(-s -o "$work/body.json" -D "$work/headers.txt" -w '%{http_code} %{time_total}\n' -X "$1" "$api$2"
    -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$4")
  [[ -n "${5:-}" ]] && args+=(-H "If-Match: $5")
  local status seconds
  read -r status seconds < <(curl "${args[@]}")
  [[ "$status" == 2* ]] || { echo "load: $1 $2 answered $status: $(cat "$work/body.json")" >&2; return 1; }
  echo "$seconds" >>"$work/$TIMES"
}
etag() { grep -i '^etag:' "$work/headers.txt" | cut -d' ' -f2 | tr -d '\r'; }
register() {
  curl -sf "$api/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"load-test-password\",\"role\":\"$2\"}" >/dev/null
  token "$1" load-test-password
}
report() { say "$1: p50 $(python3 -c "print(round($(percentile 50 "$work/$2") * 1000, 1))") ms, p95 $(python3 -c "print(round($(percentile 95 "$work/$2") * 1000, 1))") ms over $(wc -l <"$work/$2") writes"; }

if [[ "${SKIP_WRITES:-}" != 1 ]]; then
sme_token=$(register "sme-$RANDOM@load.test" sme)
sme_body=$(jq -n --arg inn "$(python3 -c 'import random; print("".join(random.choice("0123456789") for _ in range(14)))')" \
  '{name: "Load Test Works", inn: $inn, region: "KG-C", sectors: ["C28"], employees: 40, foundedYear: 2015, exportOriented: true,
    languages: ["ru", "en"], certifications: [], description: "Load test.", contact: {person: "Load Test", email: "load@load.test"}}')
TIMES=sme.txt timed POST /api/v1/smes "$sme_token" "$sme_body"
sme_id=$(jq -r .id "$work/body.json")
need_body() {
  jq -n --arg t "$1" --argjson a "$2" '{title: $t, description: "Two CNC lathes.", needTypes: ["equipment_supply", "joint_venture"],
    amount: {amount: $a, currency: "USD"}, jobsToCreate: 40, exportMarkets: ["KZ"], horizonMonths: 24}'
}
for i in $(seq 1 "$writes"); do
  TIMES=need-create.txt timed POST "/api/v1/smes/$sme_id/needs" "$sme_token" "$(need_body "Line $i" $((100000 + i * 1000)))"
done
need_id=$(jq -r .id "$work/body.json")
tag=$(etag)
for i in $(seq 1 "$writes"); do
  TIMES=need-update.txt timed PUT "/api/v1/needs/$need_id" "$sme_token" "$(need_body "Line updated $i" $((200000 + i * 1000)))" "$tag"
  tag=$(etag)
done
for i in $(seq 1 "$writes"); do
  partner_token=$(register "partner-$i-$RANDOM@load.test" partner)
  uscc=$(python3 -c '
import random
a = "0123456789ABCDEFGHJKLMNPQRTUWXY"; w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
b = "91370200" + "".join(random.choice(a) for _ in range(9)); c = 31 - sum(a.index(x) * w[i] for i, x in enumerate(b)) % 31
print(b + a[0 if c == 31 else c])')
  body=$(jq -n --arg u "$uscc" --arg n "Load Partner $i" '{name: $n, nameZh: "负载", uscc: $u, city: "qingdao", kind: "manufacturer",
    sectors: ["C28", "C29"], offerings: ["equipment_supply"], ticket: {minUsd: 100000, maxUsd: 2000000}, targetRegions: ["KG-C"],
    languages: ["zh", "en"], seeksExportOriented: false, requiredCertifications: [], description: "Load test.",
    contact: {person: "Load Test", email: "partner@load.test"}}')
  TIMES=partner-create.txt timed POST /api/v1/partners "$partner_token" "$body"
done
report "need create" need-create.txt
report "need update" need-update.txt
report "partner create" partner-create.txt
fi

if [[ "${SKIP_JOB:-}" != 1 ]]; then
  curl -sf -D "$work/headers.txt" "$api/api/v1/criteria" -H "Authorization: Bearer $admin_token" >"$work/criteria.json"
  change=$(jq '{minScore, maxPerNeed, maxPerPartner, criteria: [.criteria[] | {key, weight, required, enabled} | if .key == "language" then .weight += 1 else . end]}' "$work/criteria.json")
  started=$SECONDS
  location=$(curl -sf -D - -o /dev/null -X PUT "$api/api/v1/criteria" -H "Authorization: Bearer $admin_token" \
    -H 'Content-Type: application/json' -H "If-Match: $(etag)" -d "$change" | grep -i '^location:' | cut -d' ' -f2 | tr -d '\r')
  during=()
  while [[ "$(curl -sf "$api${location#"$api"}" -H "Authorization: Bearer $admin_token" | jq -r .status)" != succeeded ]]; do
    wrk_run need-lists-during-job "/api/v1/needs/%s/matches?limit=20" "$work/needs.txt"
    during+=("$(field need-lists-during-job p99_ms)")
  done
  say "re-score job: $(( SECONDS - started )) s from the criteria change to 'succeeded'; $(grep -o 'Job .* succeeded.*' "$work/api.log" | tail -1)"
  if (( ${#during[@]} > 0 )); then
    worst=$(printf '%s\n' "${during[@]}" | sort -g | tail -1)
    say "need lists during the job: worst p99 $worst ms over ${#during[@]} runs = $(python3 -c "print(f'{$worst / $(field need-lists p99_ms):.1f}')") x the idle p99"
  fi
fi
