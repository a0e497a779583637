// Lab 2 - TCP server in Node.js
// Dave Okafor
// uses IPv6 loopback (::1) because why not

const net = require('net');

const HOST = '::1';
const PORT = 59500;

const server = net.createServer((socket) => {
  console.log(`client connected: [${socket.remoteAddress}]:${socket.remotePort}`);

  socket.on('data', (data) => {
    const name = data.toString().trim();
    console.log('received: ' + name);
    socket.write(`hey ${name}, got your message\n`);
  });

  socket.on('end', () => {
    console.log('client disconnected');
  });

  socket.on('error', (err) => {
    console.log('socket error: ' + err.message);
  });
});

server.listen(PORT, HOST, () => {
  console.log(`Listening on [${HOST}]:${PORT}`);
});
