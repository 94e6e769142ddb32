-- The livestream rush for wrk: POST /api/orders for one unit of BENCH_PRODUCT, buyer after buyer (bearer tokens
-- of buyer-1 ... buyer-N, one a line in BENCH_TOKENS), each attempt with its own Idempotency-Key, until
-- BENCH_ATTEMPTS answers have come back (each wrk thread stops at its share). Answers are counted by status.
local product = os.getenv("BENCH_PRODUCT")
local attempts = tonumber(os.getenv("BENCH_ATTEMPTS"))
local run = os.getenv("BENCH_RUN") or tostring(os.time())
-- wrk's own duration is the -d limit even when every thread stopped early: the time is taken here (a monotonic
-- clock through LuaJIT's ffi), each thread writes a line to BENCH_DONE_FILE when its share is answered, and
-- deploy/bench/run then ends wrk with SIGINT.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *t);
]]
local function now()
  local t = ffi.new("bench_timespec")
  ffi.C.clock_gettime(1, t)
  return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end

-- wrk calls each thread's init before the next thread's setup, so the count comes from the caller (wrk -t).
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local threads = {}
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end

local body = '{"lines":[{"productId":"' .. product .. '","quantity":1}],"channel":"LIVESTREAM",'
  .. '"buyer":{"kind":"INDIVIDUAL"},"delivery":{"name":"观众","mobile":"13800138000","address":"黑龙江省哈尔滨市双城区"}}'

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  sent, answered, created, refused, server_errors, other = 0, 0, 0, 0, 0, 0
  share = math.floor(attempts / nthreads)
  if id < attempts % nthreads then share = share + 1 end
  wrk.method = "POST"
  wrk.path = "/api/orders"
  wrk.body = body
  started, finished = now(), 0
end

function request()
  -- Buyers interleave across threads: thread t sends attempts t, t + threads, ...
  local n = id + sent * nthreads
  sent = sent + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1],
    ["Idempotency-Key"] = "rush-" .. run .. "-" .. n,
  }
  return wrk.format("POST", "/api/orders", headers, body)
end

function response(status, headers, body)
  answered = answered + 1
  if status == 201 then created = created + 1
  elseif status == 409 then refused = refused + 1
  elseif status >= 500 then server_errors = server_errors + 1
  else other = other + 1 end
  if answered == share then
    finished = now()
    local f = io.open(os.getenv("BENCH_DONE_FILE"), "a")
    f:write(id, "\n")
    f:close()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local c, r, e, o, first, last = 0, 0, 0, 0, math.huge, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); r = r + t:get("refused"); e = e + t:get("server_errors"); o = o + t:get("other")
    first = math.min(first, t:get("started"))
    local f = t:get("finished")
    last = math.max(last, f > 0 and f or now())
  end
  io.write(string.format("RUSH answered=%d created=%d refused=%d server_errors=%d other=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f\n",
    c + r + e + o, c, r, e, o, last - first, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
end
