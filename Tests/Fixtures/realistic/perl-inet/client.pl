#!/usr/bin/perl
use strict;
use warnings;
use IO::Socket::INET;

my $socket = IO::Socket::INET->new(
    PeerHost => '127.0.0.1',
    PeerPort => '59704',
    Proto    => 'tcp',
) or die "cannot connect to the server $!\n";
print "connected to the server\n";
$socket->send("perl-inet");
my $response = "";
$socket->recv($response, 1024);
print "received response: $response\n";
$socket->close();
