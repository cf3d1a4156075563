"""Medians over the runs of every figure suite.sh printed: python3 medians.py RESULTS_FILE."""
import re, statistics, sys
figures = {}
patterns = [
    (r"^engine: .*?([\d.]+) M pairs/s", "engine, one thread (M pairs/s)"),
    (r"^select threshold (\d+) thread\(s\): score and select ([\d.]+) s, peak RSS (\d+) MiB", None),
    (r"^peer 500 x 5000: SQL ÷ engine\s+([\d.]+)×", "peer 500 × 5,000: SQL ÷ engine (×)"),
    (r"^ready after (\d+) s; Loaded a synthetic world", "world loaded and matched (s)"),
    (r"^(health|need-lists|partner-lists): rps=([\d.]+) p50_ms=[\d.]+ p99_ms=([\d.]+)", None),
    (r"^(need-lists|partner-lists): ([\d.]+) x /health/live", None),
    (r"^(need create|need update|partner create): p50 ([\d.]+) ms, p95 ([\d.]+) ms", None),
    (r"^re-score job: (\d+) s", "re-score job, criteria change to succeeded (s)"),
    (r"^need lists during the job: worst p99 [\d.]+ ms over \d+ runs = ([\d.]+) x", "need lists during the job: worst p99 ÷ idle p99"),
    (r"^\| /reports/(\S+) \| (\d+) \|", None),
    (r"^\| (\d+) \| \d+ \| [\d.]+ \| [\d.]+ \| (\d+) \|", None),
]
def add(name, value):
    figures.setdefault(name, []).append(float(value))
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    for pattern, name in patterns:
        m = re.search(pattern, line)
        if not m:
            continue
        if name:
            add(name, m.group(1))
        elif pattern.startswith("^select"):
            add(f"select threshold, {m.group(1)} thread(s): score and select (s)", m.group(2))
            add(f"select threshold, {m.group(1)} thread(s): peak RSS (MiB)", m.group(3))
        elif pattern.startswith("^(health|"):
            add(f"{m.group(1)}: requests per second", m.group(2))
            add(f"{m.group(1)}: p99 (ms)", m.group(3))
        elif pattern.startswith("^(need-lists|"):
            add(f"{m.group(1)} ÷ /health/live requests per second", m.group(2))
        elif pattern.startswith("^(need create"):
            add(f"{m.group(1)} p95 (ms)", m.group(3))
        elif pattern.startswith("^\\| /reports"):
            add(f"/reports/{m.group(1)} median (ms)", m.group(2))
        elif pattern.startswith("^\\| (\\d+)"):
            add("CSV export (rows/s)", m.group(2))
        break
print("\nmedians over the runs:")
for name, values in figures.items():
    print(f"  {name}: {statistics.median(values):g}   (runs: {', '.join(f'{v:g}' for v in values)})")
