-- wrk script for Careline's API, closed loop. Environment:
--   BENCH_TOKEN   bearer token (required)
--   BENCH_METHOD  GET (default) or POST: POST files a complaint, each with its own Idempotency-Key, as the app does
-- done() prints key=value lines that bench/lib/common.sh reads.
local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN not set")
local method = os.getenv("BENCH_METHOD") or "GET"
math.randomseed(os.time())
local run = os.time() .. "-" .. math.random(1, 1000000000)
local body = '{"category":"BILLING","subject":"Charged twice","description":"My October bill shows the bundle twice."}'

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local sent = 0

function request()
  sent = sent + 1
  local headers = { ["Authorization"] = "Bearer " .. token }
  if method == "POST" then
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = "bench-" .. run .. "-" .. thread_id .. "-" .. sent
    return wrk.format("POST", nil, headers, body)
  end
  return wrk.format("GET", nil, headers, nil)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests=%d\nseconds=%.3f\nrps=%.1f\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6)))
  io.write(string.format("http_errors=%d\nsocket_errors=%d\n", e.status, e.connect + e.read + e.write + e.timeout))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d_ms=%.1f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max_ms=%.1f\n", latency.max / 1000))
end
