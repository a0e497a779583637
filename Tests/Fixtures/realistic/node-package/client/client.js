const net = require('net');

const client = net.createConnection({ port: 59601, host: 'localhost' }, () => {
  console.log('connected to server!');
  client.write('node-package\n');
});
client.on('data', (data) => {
  console.log(data.toString());
  client.end();
});
