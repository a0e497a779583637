// Lab 2 - TCP client in Node.js
// Dave Okafor

const net = require('net');

const client = net.createConnection({ host: '::1', port: 59500 }, () => {
  console.log('connected to server');
  client.write('dave\n');   // username goes here (not hello world!!)
});

client.on('data', (data) => {
  console.log('server said: ' + data.toString().trim());
  client.end();
});

client.on('error', (err) => {
  console.error('connection failed: ' + err.message);
  process.exitCode = 1;
});
