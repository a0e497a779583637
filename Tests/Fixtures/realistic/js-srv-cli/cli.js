var net = require('net');

var cli = new net.Socket();
cli.connect(59603, '127.0.0.1', function () {
  console.log('CONNECTED');
  cli.write('js-srv-cli');
});
cli.on('data', function (data) {
  console.log('DATA: ' + data);
  cli.destroy();
});
