require 'socket'

server = TCPServer.new('127.0.0.1', 59702)
puts "Listening on 59702"
client = server.accept
name = client.gets
puts "Hello #{name}"
client.puts "Time is #{Time.now}"
client.close
