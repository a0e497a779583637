require 'socket'

s = TCPSocket.new 'localhost', 59702
s.puts 'ruby-tcp'
while line = s.gets
  puts line
end
s.close
