var net = require('net');

var srv = net.createServer(function (sock) {
  sock.on('data', function (d) {
    console.log('DATA ' + sock.remoteAddress + ': ' + d);
    sock.write('You said "' + d + '"');
  });
});
srv.listen(59603, '127.0.0.1');
console.log('Server listening on 127.0.0.1:59603');
