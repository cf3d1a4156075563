#!/usr/bin/env bash
# The whole benchmark suite in one command: every figure of the "Programme scale" results table in
# README.md, each measured RUNS times, with the median of each printed at the end.
#
#   bash tests/Matchmaker.Benchmarks/suite.sh                       # RUNS=3 SCALE=small: about 40 minutes here
#   SCALE=programme bash tests/Matchmaker.Benchmarks/suite.sh       # the issue's world: hours on 2 cores
#
# Steps, RUNS times each (the engine and peer steps back to back, then one world per run):
#   1. engine: `quick 300` (one thread, M pairs/s);
#   2. selection: `select threshold 10000 100000 T` for T = 1, 2 and every core the machine has,
#      under /usr/bin/time -v for the process's peak resident set;
#   3. peer: `peer 500 5000` (the one-query SQL against the engine, same pairs);
#   4. the real process: load/matches.sh seeds the world (SCALE small: 500 SMEs / 1,000 needs /
#      10,000 partners, about 1.8 million matches; programme: 5,000 / 10,000 / 100,000), measures list
#      reads against /health/live, INCREMENTAL need and partner writes and a re-score under reads, and
#      keeps the seeded file; load/reports.sh then times every report and the CSV on a copy of it.
# Settings: RUNS (3), SCALE (small|programme), INCREMENTAL (20), OUT (the results file; default a new
# file under /tmp). Needs what load/matches.sh and load/reports.sh need (the .NET SDK, curl, jq,
# sqlite3, python3, wrk from the Debian package wrk) and /usr/bin/time (Debian package time).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
runs=${RUNS:-3}
export OUT="${OUT:-$(mktemp /tmp/matchmaker-benchmarks.XXXXXX.txt)}"
export INCREMENTAL="${INCREMENTAL:-20}"
case "${SCALE:-small}" in
  small) export SMES=500 NEEDS=1000 PARTNERS=10000 ;;
  programme) export SMES=5000 NEEDS=10000 PARTNERS=100000 ;;
  *) echo "suite: SCALE is small or programme" >&2; exit 2 ;;
esac
scratch="$(mktemp -d /tmp/matchmaker-suite.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT

log() { echo "$@" | tee -a "$OUT"; }
log "suite: $(date -u +%FT%TZ), $(nproc) cores, SCALE=${SCALE:-small} ($SMES SMEs, $NEEDS needs, $PARTNERS partners), RUNS=$runs, commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"

dotnet build "$here" -c Release --nologo -v quiet >/dev/null
bench="$here/bin/Release/net10.0/Matchmaker.Benchmarks.dll"
dotnet publish "$here/../../api/Matchmaker.Api" -c Release -o "$scratch/api" --nologo -v quiet >/dev/null
export API_DIR="$scratch/api"

threads=(1 2)
(( $(nproc) > 2 )) && threads+=("$(nproc)")

for run in $(seq 1 "$runs"); do
  log "== run $run, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$bench" quick 300 | tail -1 | sed 's/^/engine: /' | tee -a "$OUT"
  for t in "${threads[@]}"; do
    /usr/bin/time -v -o "$scratch/time.txt" dotnet "$bench" select threshold 10000 100000 "$t" >"$scratch/select.txt"
    log "select threshold $t thread(s): $(grep -o 'score and select *[0-9.]* s' "$scratch/select.txt" | tr -s ' '), peak RSS $(( $(grep -o 'Maximum resident set size (kbytes): [0-9]*' "$scratch/time.txt" | grep -o '[0-9]*$') / 1024 )) MiB"
  done
  dotnet "$bench" peer 500 5000 | grep -E 'SQL ÷ engine|symmetric difference' | sed 's/^/peer 500 x 5000: /' | tee -a "$OUT"
  SAVE_DB="$scratch/world.db" bash "$here/load/matches.sh" >/dev/null
  DB="$scratch/world.db" RUNS=5 CSV_RUNS=3 bash "$here/load/reports.sh" >/dev/null
  rm -f "$scratch/world.db"
done

# Medians over the runs of every figure the steps printed (file order of first appearance).
python3 "$here/medians.py" "$OUT"
echo "every line: $OUT"
