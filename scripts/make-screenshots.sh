#!/usr/bin/env bash
# Makes the netstat screenshots some students of submissions/ hand in, the way a
# student makes them: the terminal text of `netstat -an` or `ss -tan` while
# their programs ran, rendered as a terminal window by ImageMagick (Debian's
# imagemagick and fonts-dejavu-core; `make screenshots` installs them).
#   alice  PNG, netstat -an, LISTEN and ESTABLISHED on her port 59123
#   bob    JPEG (named .jpeg, as the hand-out says), ss -tan, port 59200
#   grace  PNG of the wrong run: port 61001, while her server uses 61000
#   dave   a phone photo of the screen: tilted, blurred, noisy, JPEG quality 30
#   leo    PNGs under GNOME Screenshot's own names (with spaces), netstat -an of
#          his Java server (an IPv6 wildcard socket, v4-mapped rows), port 59444
#   mia    PNGs, ss -tan on her laptop `mia-laptop`, whose name her programs
#          bind and connect to: 127.0.1.1:59412
# Re-running it writes the same files.
set -euo pipefail
cd "$(dirname "$0")/../submissions"

# window FILE TITLE TEXT [extra convert options...]: a GNOME-terminal-like window.
window() {
    local file=$1 title=$2 text=$3; shift 3
    local lines; lines=$(printf '%s\n' "$text" | wc -l)
    local height=$((lines * 19 + 56))
    convert -size 900x"$height" xc:'#300A24' \
        -fill '#3C3B37' -draw "rectangle 0,0 900,30" \
        -font DejaVu-Sans -pointsize 13 -fill '#DFDBD2' -annotate +12+20 "$title" \
        -font DejaVu-Sans-Mono -pointsize 15 -fill '#FFFFFF' -annotate +10+52 "$text" \
        "$@" "$file"
}

# prompt USER COMMAND [HOST]
prompt() { printf '%s@%s:~/lab2$ %s' "$1" "${3:-laptop}" "$2"; }

window alice/netstat-listen.png "alice@laptop: ~/lab2" "$(prompt alice 'netstat -an | grep 59123')
tcp        0      0 127.0.0.1:59123         0.0.0.0:*               LISTEN
$(prompt alice '')"
window alice/netstat-established.png "alice@laptop: ~/lab2" "$(prompt alice 'netstat -an | grep 59123')
tcp        0      0 127.0.0.1:59123         0.0.0.0:*               LISTEN
tcp        0      0 127.0.0.1:59123         127.0.0.1:41862         ESTABLISHED
tcp        0      0 127.0.0.1:41862         127.0.0.1:59123         ESTABLISHED
$(prompt alice '')"

window bob/server-listening.jpeg "bob@laptop: ~/lab2" "$(prompt bob 'ss -tan')
State    Recv-Q   Send-Q     Local Address:Port      Peer Address:Port  Process
LISTEN   0        3              127.0.0.1:59200          0.0.0.0:*
LISTEN   0        4096       127.0.0.53%lo:53             0.0.0.0:*
$(prompt bob '')" -quality 85
window bob/client-connected.jpeg "bob@laptop: ~/lab2" "$(prompt bob 'ss -tan')
State    Recv-Q   Send-Q     Local Address:Port      Peer Address:Port  Process
LISTEN   0        3              127.0.0.1:59200          0.0.0.0:*
ESTAB    0        0              127.0.0.1:59200        127.0.0.1:50412
ESTAB    0        0              127.0.0.1:50412        127.0.0.1:59200
$(prompt bob '')" -quality 85

# grace took her screenshots during an earlier try on port 61001.
window grace/listen.png "grace@laptop: ~/lab2" "$(prompt grace 'netstat -an | grep 6100')
tcp        0      0 127.0.0.1:61001         0.0.0.0:*               LISTEN
$(prompt grace '')"
window grace/established.png "grace@laptop: ~/lab2" "$(prompt grace 'netstat -an | grep 6100')
tcp        0      0 127.0.0.1:61001         127.0.0.1:38870         ESTABLISHED
tcp        0      0 127.0.0.1:38870         127.0.0.1:61001         ESTABLISHED
$(prompt grace '')"

# dave photographed his screen with a phone.
photo() {
    window "$1" "dave@laptop: ~/lab2" "$2" -resize 70% -background '#1a1a1a' -rotate 4 \
        -blur 0x1.6 -seed 7 -attenuate 0.6 +noise Gaussian -modulate 85,60 -quality 30
}
photo dave/IMG_20261104_101512.jpeg "$(prompt dave 'netstat -an | grep 59500')
tcp6       0      0 ::1:59500               :::*                    LISTEN
$(prompt dave '')"
photo dave/IMG_20261104_101547.jpeg "$(prompt dave 'netstat -an | grep 59500')
tcp6       0      0 ::1:59500               ::1:40110               ESTABLISHED
tcp6       0      0 ::1:40110               ::1:59500               ESTABLISHED
$(prompt dave '')"
window "leo/Screenshot from 2026-11-05 14-22-10.png" "leo@laptop: ~/lab2" "$(prompt leo 'netstat -an | grep 59444')
tcp6       0      0 :::59444                :::*                    LISTEN
$(prompt leo '')"
window "leo/Screenshot from 2026-11-05 14-22-31.png" "leo@laptop: ~/lab2" "$(prompt leo 'netstat -an | grep 59444')
tcp6       0      0 :::59444                :::*                    LISTEN
tcp6       0      0 127.0.0.1:35050         127.0.0.1:59444         ESTABLISHED
tcp6       0      0 127.0.0.1:59444         127.0.0.1:35050         ESTABLISHED
$(prompt leo '')"

window mia/listening.png "mia@mia-laptop: ~/lab2" "$(prompt mia 'ss -tan' mia-laptop)
State    Recv-Q   Send-Q     Local Address:Port      Peer Address:Port  Process
LISTEN   0        5              127.0.1.1:59412          0.0.0.0:*
$(prompt mia '' mia-laptop)"
window mia/connected.png "mia@mia-laptop: ~/lab2" "$(prompt mia 'ss -tan' mia-laptop)
State    Recv-Q   Send-Q     Local Address:Port      Peer Address:Port  Process
LISTEN   0        5              127.0.1.1:59412          0.0.0.0:*
ESTAB    0        0              127.0.1.1:59412        127.0.0.1:42570
ESTAB    0        0              127.0.0.1:42570        127.0.1.1:59412
$(prompt mia '' mia-laptop)"
echo "screenshots written for alice, bob, grace, dave, leo and mia"
