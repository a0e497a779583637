#ifndef SOCKGRADE_CZSTD_SHIM_H
#define SOCKGRADE_CZSTD_SHIM_H

// libzstd's streaming decompressor, for .pcap.zst / .pcapng.zst captures
// (Wireshark opens them directly). Reached only from PacketCapture.
#include <zstd.h>

#endif
