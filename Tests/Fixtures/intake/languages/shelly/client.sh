#!/bin/bash
# sends my username with bash's /dev/tcp
exec 3<>/dev/tcp/127.0.0.1/59640
printf 'shelly\n' >&3
exec 3>&-
