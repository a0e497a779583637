const net = require('net');
const client = net.connect(59660, '127.0.0.1', () => client.write('nora\n'));
client.on('data', (data) => { console.log('echo', data.toString()); client.end(); });
