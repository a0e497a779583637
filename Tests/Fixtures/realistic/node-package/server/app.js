const net = require('net');
const { format } = require('./format');

const PORT = 59601;

const server = net.createServer((socket) => {
  socket.on('data', (data) => {
    console.log(format(data.toString().trim()));
    socket.end('bye\n');
  });
});

server.listen(PORT, '127.0.0.1', () => {
  console.log(`Server listening on port ${PORT}`);
});
