<?php
$server = stream_socket_server("tcp://127.0.0.1:59703", $errno, $errstr);
if (!$server) {
    die("$errstr ($errno)\n");
}
echo "Server started on port 59703\n";
$conn = stream_socket_accept($server, 30);
$name = fread($conn, 1024);
echo "Received: $name\n";
fwrite($conn, "Hello $name\n");
fclose($conn);
fclose($server);
