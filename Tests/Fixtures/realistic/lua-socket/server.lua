-- load namespace
local socket = require("socket")
-- create a TCP socket and bind it to the local host, at port 59706
local server = assert(socket.bind("127.0.0.1", 59706))
print("Please connect to localhost on port 59706")
local client = server:accept()
client:settimeout(10)
local line, err = client:receive()
if not err then
  print("received: " .. line)
  client:send("hello " .. line .. "\n")
end
client:close()
