#!/usr/bin/perl
use strict;
use warnings;
use IO::Socket::INET;

$| = 1;
my $socket = IO::Socket::INET->new(
    LocalHost => '127.0.0.1',
    LocalPort => '59704',
    Proto     => 'tcp',
    Listen    => 5,
    Reuse     => 1
) or die "cannot create socket $!\n";
print "server waiting for client connection on port 59704\n";
my $client = $socket->accept();
my $data = "";
$client->recv($data, 1024);
print "received data: $data\n";
$client->send("thanks");
shutdown($client, 1);
$socket->close();
