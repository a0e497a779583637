#!/bin/bash
# The grader an instructor writes by hand, for comparison in `make bench`:
# per student, one at a time, a namespace, tcpdump, `sleep 1`, `ss`, `grep`.
# Prints "student server-listening client-established username-sent".
# Its traffic stays inside the namespaces it makes.
set -u
class=$1
limit=${2:-1000000}
count=0
for folder in "$class"/*/; do
    [ "$count" -ge "$limit" ] && break
    count=$((count + 1))
    name=$(basename "$folder")
    ns="naive-$$-$name"
    work=$(mktemp -d)
    cp -r "$folder". "$work"
    ip netns add "$ns"
    ip netns exec "$ns" ip link set lo up
    ip netns exec "$ns" tcpdump -i lo -U -w "$work/cap.pcap" >/dev/null 2>&1 &
    dump=$!
    if [ -f "$work/server.c" ]; then
        gcc -o "$work/server" "$work/server.c" && gcc -o "$work/client" "$work/client.c"
        server=("$work/server"); client=("$work/client")
    else
        server=(python3 "$work/server.py"); client=(python3 "$work/client.py")
    fi
    sleep 1
    ip netns exec "$ns" timeout 5 "${server[@]}" >/dev/null 2>&1 &
    sleep 1
    listening=failed; established=failed; sent=failed
    ip netns exec "$ns" ss -ltn | grep -q LISTEN && listening=passed
    ip netns exec "$ns" timeout 5 "${client[@]}" >/dev/null 2>&1 &
    sleep 1
    ip netns exec "$ns" ss -tn | grep -q ESTAB && established=passed
    kill "$dump" 2>/dev/null; wait "$dump" 2>/dev/null
    tcpdump -r "$work/cap.pcap" -A 2>/dev/null | grep -q "$name" && sent=passed
    ip netns pids "$ns" | xargs -r kill -9 2>/dev/null
    ip netns delete "$ns"
    rm -rf "$work"
    echo "$name $listening $established $sent"
done
