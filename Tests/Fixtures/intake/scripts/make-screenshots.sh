#!/bin/bash
# Renders the netstat "screenshots" of the intake fixtures (run once; the
# images are committed). Needs Debian's imagemagick and fonts-dejavu-core.
set -euo pipefail
cd "$(dirname "$0")/../languages"
convert=/usr/bin/convert
render() {  # render OUTPUT TEXT
  "$convert" -background white -fill black -font DejaVu-Sans-Mono -pointsize 20 \
    -bordercolor white -border 20 label:"$2" "$1"
}
header='Proto Recv-Q Send-Q Local Address           Foreign Address         State'
# shelly: both rows for the port her server really uses (59640), a PNG and a JPEG.
render shelly/netstat-listen.png "$ netstat -tan | grep 59640
$header
tcp        0      0 127.0.0.1:59640         0.0.0.0:*               LISTEN"
render shelly/netstat-established.jpg "$ netstat -tan | grep 59640
$header
tcp        0      0 127.0.0.1:59640         127.0.0.1:41822         ESTABLISHED
tcp        0      0 127.0.0.1:41822         127.0.0.1:59640         ESTABLISHED"
# paul: two real images (one is a JPEG named .txt), but for port 59123, not the 12000 his server used.
render paul/screenshot1.png "$header
tcp        0      0 127.0.0.1:59123         0.0.0.0:*               LISTEN"
render paul/netstat2.jpg "$header
tcp        0      0 127.0.0.1:59123         127.0.0.1:50514         ESTABLISHED"
mv paul/netstat2.jpg paul/netstat2.txt
# nora: a PNG cut short (half its bytes), which is not a real image.
render /tmp/nora-full.png "$header
tcp        0      0 127.0.0.1:59660         0.0.0.0:*               LISTEN"
head -c $(( $(stat -c %s /tmp/nora-full.png) / 2 )) /tmp/nora-full.png > nora/netstat.png
rm /tmp/nora-full.png
