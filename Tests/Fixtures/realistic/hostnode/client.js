const net = require('net');
const os = require('os');
const dns = require('dns');

dns.lookup(os.hostname(), (err, address) => {
  if (err) throw err;
  const client = net.createConnection({ host: address, port: 8080 }, () => {
    client.write('hostnode');
  });
  client.on('data', (data) => {
    console.log(data.toString());
    client.end();
  });
});
