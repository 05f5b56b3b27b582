-- wrk script for .ci/bench: one request kind per run, chosen by BENCH_MODE.
--   customer   POST /api/customers with a unique e-mail
--   receipt    POST /api/inventory/items/{one of BENCH_ITEMS}/receipts
--   part       POST /api/work-orders/{one of BENCH_ORDERS}/parts of one of BENCH_ITEMS
--   list       GET  /api/customers?size=20
--   detail     GET  /api/customers/{one of BENCH_CUSTOMERS}
-- BENCH_TOKEN is the bearer token. done() prints one machine-readable RESULT line.
local mode = os.getenv("BENCH_MODE")
local token = os.getenv("BENCH_TOKEN")
local run = os.getenv("BENCH_RUN") or tostring(os.time())

local function split(list)
  local out = {}
  for v in string.gmatch(list or "", "[^,]+") do out[#out + 1] = v end
  return out
end
local items = split(os.getenv("BENCH_ITEMS"))
local orders = split(os.getenv("BENCH_ORDERS"))
local customers = split(os.getenv("BENCH_CUSTOMERS"))

local threads = {}
local next_thread = 1
function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local counter = 0
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local function pick(list) return list[math.random(#list)] end

function init(args)
  math.randomseed(os.time() + tid * 7919)
end

function request()
  counter = counter + 1
  if mode == "customer" then
    local body = string.format('{"name":"Bench %s %d %d","email":"b-%s-%d-%d@example.com"}',
      run, tid, counter, run, tid, counter)
    return wrk.format("POST", "/api/customers", headers, body)
  elseif mode == "receipt" then
    return wrk.format("POST", "/api/inventory/items/" .. pick(items) .. "/receipts", headers,
      '{"quantity":1,"unitCost":1.00}')
  elseif mode == "part" then
    return wrk.format("POST", "/api/work-orders/" .. pick(orders) .. "/parts", headers,
      '{"itemId":"' .. pick(items) .. '","quantity":1}')
  elseif mode == "list" then
    return wrk.format("GET", "/api/customers?size=20", headers)
  elseif mode == "detail" then
    return wrk.format("GET", "/api/customers/" .. pick(customers), headers)
  end
  error("unknown BENCH_MODE " .. tostring(mode))
end

local failed = 0
function response(status, hdrs, body)
  if status >= 300 then
    failed = failed + 1
    if failed <= 3 then io.stderr:write("status " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %d %.2f %.2f %d\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad))
end
