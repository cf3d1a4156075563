#!/usr/bin/env bash
# Reports at a million matches: times every report route and the CSV export against the real API
# process on SQLite.
#
#   bash tests/Matchmaker.Benchmarks/load/reports.sh                 # seed a fresh ~1M-match world, then measure
#   SAVE_DB=/tmp/world.db bash tests/Matchmaker.Benchmarks/load/reports.sh   # ... and keep the seeded file
#   DB=/tmp/world.db bash tests/Matchmaker.Benchmarks/load/reports.sh        # measure a copy of an existing file
#
# What it does, on a loopback port it picks itself, stopping the API on exit whatever happened:
#   1. `dotnet publish -c Release` of the API into a temporary folder (or uses API_DIR if given);
#   2. starts it through load/api.sh: Production, a generated signing key, a bootstrap admin, rate
#      limits off, and a fresh SQLite file seeded with a synthetic world (Seed:Synthetic:*, here by
#      default 2,000 SMEs / 5,000 needs / 10,000 partners, about 2.2 million matches), or a copy of DB;
#   3. waits for /health/ready (seeding a million matches takes minutes), counts the rows with sqlite3;
#   4. signs in as the admin (POST /api/v1/auth/token);
#   5. each report (summary, by-region, by-sector, by-city, pipeline, timeseries month and quarter):
#      WARMUP untimed calls, then RUNS timed calls (curl's time_total), median and p95 (nearest rank);
#   6. the CSV export (GET /api/v1/reports/matches?format=csv), CSV_RUNS times: rows per second
#      (lines after the header ÷ time_total; no cell of the synthetic world holds a line break), bytes, time to the first byte, and the process's VmHWM (peak
#      resident set) from /proc/PID/status before and after each run, and its VmRSS after;
#   7. with WRK=1, a 10-second wrk run on the summary (requests per second at 2 connections).
#
# Environment (all optional): DB, SAVE_DB, API_DIR, RUNS (default 5), WARMUP (default 1), CSV_RUNS
# (default 3), MAX_TIME (seconds one call may take, default 900), ROUTES (the reports to time, e.g.
# "summary by-city"), SMES,
# NEEDS, PARTNERS, RANDOM_SEED (defaults 2000, 5000, 10000, 2026), READY_SECONDS (default 1800),
# WRK, OUT (a file the result lines are appended to as well). Needs the .NET SDK, curl, jq, sqlite3.
# Timings are wall clock on whatever else the machine runs; compare figures of one run.
set -euo pipefail -f # -f: route lists hold "?"

here="$(cd "$(dirname "$0")" && pwd)"
runs=${RUNS:-5}
csv_runs=${CSV_RUNS:-3}
max_time=${MAX_TIME:-900}
# shellcheck source=api.sh
source "$here/api.sh"

# median and p95 (nearest rank) of the numbers on stdin, in milliseconds from seconds
stats() {
  sort -g | awk '{ v[NR] = $1 * 1000 } END {
    if (NR == 0) { print "n/a n/a"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    r = int(0.95 * NR); if (r < 0.95 * NR) r++; if (r < 1) r = 1
    printf "%.0f %.0f\n", m, v[r] }'
}

kib() { awk -v k="$1" '/^'"$1"':/ { print $2 }' "/proc/$api_pid/status"; }

SMES=${SMES:-2000} NEEDS=${NEEDS:-5000} PARTNERS=${PARTNERS:-10000} api_start

counts=$(sqlite3 "$db" "SELECT (SELECT COUNT(*) FROM smes) || ' SMEs, ' || (SELECT COUNT(*) FROM needs) || ' needs, '
  || (SELECT COUNT(*) FROM partners) || ' partners, ' || (SELECT COUNT(*) FROM matches) || ' matches'")
say "reports: $counts; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

token=$admin_token
auth=(-H "Authorization: Bearer $token")

say ""
say "| route | median ms | p95 ms | runs |"
say "|---|---:|---:|---:|"
for route in ${ROUTES:-summary by-region by-sector by-city pipeline timeseries?interval=month timeseries?interval=quarter}; do
  url="$api/api/v1/reports/$route"
  for _ in $(seq "${WARMUP:-1}"); do
    code=$(curl -sS -o /dev/null --max-time "$max_time" -w '%{http_code}' "${auth[@]}" "$url")
    [[ $code == 200 ]] || { echo "reports: $route answered $code" >&2; exit 1; }
  done
  times=$(for _ in $(seq "$runs"); do curl -fsS -o /dev/null --max-time "$max_time" -w '%{time_total}\n' "${auth[@]}" "$url"; done)
  read -r median p95 < <(echo "$times" | stats)
  say "| /reports/$route | $median | $p95 | $runs |"
done

say ""
say "| CSV run | rows | MB | seconds | rows/s | first byte ms | VmHWM before → after MiB | VmRSS after MiB |"
say "|---|---:|---:|---:|---:|---:|---:|---:|"
for i in $(seq "$csv_runs"); do
  hwm_before=$(kib VmHWM)
  read -r seconds first bytes code < <(curl -sS --max-time "$max_time" "${auth[@]}" "$api/api/v1/reports/matches?format=csv" \
    -o >(tail -n +2 | wc -l >"$work/rows") -w '%{time_total} %{time_starttransfer} %{size_download} %{http_code}\n')
  sleep 0.5 # the row count comes from a process substitution that may finish just after curl
  [[ $code == 200 ]] || { echo "reports: the CSV export answered $code" >&2; exit 1; }
  rows=$(cat "$work/rows")
  hwm_after=$(kib VmHWM)
  rss_after=$(kib VmRSS)
  say "$(awk -v i="$i" -v r="$rows" -v b="$bytes" -v s="$seconds" -v f="$first" -v h0="$hwm_before" -v h1="$hwm_after" -v rss="$rss_after" \
    'BEGIN { printf "| %d | %d | %.0f | %.2f | %.0f | %.0f | %.0f → %.0f | %.0f |\n", i, r, b / 1e6, s, r / s, f * 1000, h0 / 1024, h1 / 1024, rss / 1024 }')"
done

if [[ "${WRK:-}" == 1 ]]; then
  say ""
  say "wrk, /reports/summary, 2 connections, 10 s:"
  say "$(wrk -t1 -c2 -d10s -H "Authorization: Bearer $token" "$api/api/v1/reports/summary" | grep -E 'Requests/sec|Latency|requests in')"
fi
