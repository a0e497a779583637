const net = require('net');
net.createServer((socket) => {
  socket.on('data', (data) => { console.log('got', data.toString()); socket.end(data); });
}).listen(59660, '127.0.0.1', () => console.log('listening'));
