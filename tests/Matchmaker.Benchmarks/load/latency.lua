-- wrk script: GET the paths PATTERN (a printf format with one %s) makes of the ids in the file IDS,
-- in turn, with the bearer token TOKEN when set; prints one RESULT line for the shell to read.
local pattern = os.getenv("PATTERN") or "/health/live"
local token = os.getenv("TOKEN")
local paths = {}
local ids = os.getenv("IDS")
if ids and ids ~= "" then
  for line in io.lines(ids) do paths[#paths + 1] = string.format(pattern, line) end
else
  paths[1] = pattern
end
local headers = {}
if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
local i = 0

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d failed=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout + e.status))
end
