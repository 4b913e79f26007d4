-- wrk script: POST /v1/ask, rotating through the generated bodies; prints one JSON line.
-- KEY comes from the environment; questions.lua defines `bodies`.
dofile(os.getenv("QUESTIONS"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
local counter = 0
function setup(thread)
  thread:set("offset", counter * 97)
  counter = counter + 1
end
local i = 0
function request()
  i = i + 1
  return wrk.format(nil, nil, nil, bodies[((i + (offset or 0)) % #bodies) + 1])
end
local non2xx = 0
function response(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %.2f, "rps": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "socket_errors": %d, "non2xx_status": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
