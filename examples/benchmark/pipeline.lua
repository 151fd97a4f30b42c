-- HTTP pipelining for wrk, as in the TechEmpower plaintext test:
--   wrk -t2 -c64 -d10s -s pipeline.lua http://127.0.0.1:8080/plaintext -- 16
-- sends DEPTH requests back to back on each connection before reading the responses.
init = function(args)
  local depth = tonumber(args[1]) or 1
  local r = {}
  for i = 1, depth do
    r[i] = wrk.format()
  end
  req = table.concat(r)
end

request = function()
  return req
end
