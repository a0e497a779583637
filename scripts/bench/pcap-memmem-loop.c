/*
 * The baseline of `make bench-capture`: a plain libpcap loop that only reads
 * each packet (pcap_next_ex) and looks for the needle in it (memmem), with
 * no decoding and no reassembly. Prints how many packets held the needle.
 *
 *   pcap-memmem-loop CAPTURE NEEDLE
 */
#define _GNU_SOURCE
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s CAPTURE NEEDLE\n", argv[0]);
        return 2;
    }
    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t *handle = pcap_open_offline(argv[1], errbuf);
    if (!handle) {
        fprintf(stderr, "%s: %s\n", argv[1], errbuf);
        return 2;
    }
    size_t needle_length = strlen(argv[2]);
    struct pcap_pkthdr *header;
    const u_char *data;
    unsigned long packets = 0, hits = 0;
    int status;
    while ((status = pcap_next_ex(handle, &header, &data)) == 1) {
        packets++;
        if (memmem(data, header->caplen, argv[2], needle_length)) hits++;
    }
    if (status == PCAP_ERROR) fprintf(stderr, "%s: %s\n", argv[1], pcap_geterr(handle));
    printf("packets %lu with-needle %lu\n", packets, hits);
    pcap_close(handle);
    return 0;
}
