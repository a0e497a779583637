#ifndef SOCKGRADE_CPCAP_SHIM_H
#define SOCKGRADE_CPCAP_SHIM_H

#include <pcap/pcap.h>

/// pcap_dump's handler signature as a plain function pointer, so Swift can
/// pass it to pcap_dispatch without a Swift closure on the capture path.
static inline pcap_handler sockgrade_pcap_dump_handler(void) {
    return pcap_dump;
}

#endif
