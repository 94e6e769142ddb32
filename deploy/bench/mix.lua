-- The browse and search mix for wrk: product pages, the listing and searches, in turn, from BENCH_PATHS (one
-- path a line). Any headers come from wrk's -H. Prints the answers by status and the latency percentiles.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  n, ok, server_errors, other = id, 0, 0, 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status >= 500 then server_errors = server_errors + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local o, e, x = 0, 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); e = e + t:get("server_errors"); x = x + t:get("other") end
  io.write(string.format("MIX requests=%d ok=%d server_errors=%d other=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, o, e, x, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
end
