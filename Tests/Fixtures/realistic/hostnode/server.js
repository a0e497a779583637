const net = require('net');
const os = require('os');

const server = net.createServer((socket) => {
  console.log('client connected from', socket.remoteAddress);
  socket.on('data', (data) => {
    console.log('received:', data.toString());
    socket.end('bye\n');
  });
});

server.listen(8080, os.hostname(), () => {
  console.log('server listening on', server.address());
});
