<?php
$fp = stream_socket_client("tcp://127.0.0.1:59703", $errno, $errstr, 5);
if (!$fp) {
    echo "$errstr ($errno)\n";
    exit(1);
}
fwrite($fp, "php-streams");
echo fgets($fp, 1024);
fclose($fp);
