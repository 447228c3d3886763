-- wrk script for tools/bench/serve_bench.sh (a benchmark, not a test).
--   wrk ... -s tools/bench/serve_bench.lua http://127.0.0.1:PORT -- QUERIES_FILE [LIMIT]
-- Cycles through the queries of QUERIES_FILE (one a line, UTF-8; empty lines and lines
-- starting with # are skipped) as GET /api/search?q=QUERY&limit=LIMIT (default 10), each
-- thread starting at a different query. Counts the responses whose status is not 2xx and,
-- in done(), prints one machine-readable line for serve_bench.sh:
--   serve_bench: requests=N duration_s=S rps=R p50_ms=A p99_ms=B socket_errors=E non2xx=X ...

local threads = {}
local counter = 0

-- Called in the main Lua state, once per wrk thread, before init().
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

-- Percent-encodes every byte outside the unreserved set (RFC 3986): the UTF-8 bytes of
-- accented letters become %XX, a space %20, a double quote %22.
local function encode(s)
  return (s:gsub("[^A-Za-z0-9%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local requests = {}
local next_index = 1
non2xx = 0

-- Called in each thread's own Lua state with the arguments after `--`.
function init(args)
  local path = args[1]
  local limit = args[2] or "10"
  if not path then
    error("serve_bench.lua: pass the queries file after --")
  end
  local file, err = io.open(path, "r")
  if not file then
    error("serve_bench.lua: " .. tostring(err))
  end
  for line in file:lines() do
    line = line:gsub("\r$", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local target = "/api/search?q=" .. encode(line) .. "&limit=" .. limit
      table.insert(requests, wrk.format("GET", target))
    end
  end
  file:close()
  if #requests == 0 then
    error("serve_bench.lua: no queries in " .. path)
  end
  next_index = ((id or 1) - 1) * 7 % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function response(status, headers, body)
  if status < 200 or status >= 300 then
    non2xx = non2xx + 1
  end
end

-- Called in the main Lua state after the run. wrk's own errors.status counts only
-- statuses > 399; the response() hook above counts every status outside 2xx, so the
-- total reported is socket errors (connect, read, write, timeout) + non2xx.
function done(summary, latency, requests_unused)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "serve_bench: requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f " ..
    "socket_errors=%d non2xx=%d connect=%d read=%d write=%d timeout=%d status_gt399=%d\n",
    summary.requests, seconds, seconds > 0 and summary.requests / seconds or 0,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    socket, bad, e.connect, e.read, e.write, e.timeout, e.status))
end
