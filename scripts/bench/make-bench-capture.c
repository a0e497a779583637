/*
 * Writes a large loopback capture with many interleaved TCP flows, for
 * `make bench-capture`. Classic pcap, little-endian, microseconds, EN10MB
 * with zero MAC addresses (what Linux `lo` gives), IPv4, TCP headers with the
 * timestamp option as Linux sends them.
 *
 *   make-bench-capture OUT.pcap MEGABYTES USERNAME [SEED [LONGEST_FLOW | web]]
 *
 * The traffic ("long" profile): up to 256 flows open at once, each a handshake, 20 to
 * LONGEST_FLOW (default 400) data
 * segments of 1-1448 bytes (mostly client to server, with server replies and
 * pure ACKs), then FIN/ACK both ways; one flow in ten is never closed. About
 * one in ten flows sends USERNAME split across two segments; about one
 * segment in a hundred is retransmitted and one in a hundred arrives after
 * its successor. Payload bytes are lowercase letters, spaces and newlines,
 * so a USERNAME holding a digit or capital never appears by chance.
 *
 * With "web" instead of LONGEST_FLOW, the "short" profile: what a capture
 * left running beside a local web app holds, tens of thousands of short
 * conversations (about 5.6 KB of file each), at most 8 open at once. Each is
 * a handshake, a request of 200-800 bytes (the USERNAME split across two
 * segments in about one in ten), the server's ACK, a response of 2-6 KB in
 * up to 1448-byte segments with the client's ACKs, and FIN/ACK both ways;
 * about one response segment in a hundred is retransmitted.
 *
 * Prints, on stdout: "flows F packets P bytes B username-flows U".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACTIVE 256
#define MAX_PAYLOAD 1448
#define FILLER_SIZE (1 << 20)

static uint64_t rng_state = 88172645463325252ULL;
static uint64_t next_random(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}
static uint32_t below(uint32_t n) { return (uint32_t)(next_random() % n); }

static unsigned char filler[FILLER_SIZE + MAX_PAYLOAD];
static FILE *out;
static uint64_t bytes_written, packets_written, now_us = 1764000000ULL * 1000000ULL;

struct flow {
    uint32_t client_ip, server_ip;
    uint16_t client_port, server_port;
    uint32_t client_seq, server_seq;
    int state;          /* 0 SYN sent .. 3 data, 4 closing */
    int remaining;      /* data segments still to send */
    int username_at;    /* data segment that carries the username's first half, or -1 */
    int never_closed;
    int live;
};

static void put16(unsigned char *p, uint16_t v) { p[0] = v >> 8; p[1] = v & 0xff; }
static void put32(unsigned char *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }

static uint16_t checksum(const unsigned char *p, size_t n) {
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < n; i += 2) sum += (p[i] << 8) | p[i + 1];
    if (n & 1) sum += p[n - 1] << 8;
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* One frame: Ethernet, IPv4, TCP with NOP NOP TS, payload. */
static void emit(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack,
                 uint8_t flags, const unsigned char *payload, size_t length) {
    static unsigned char frame[14 + 20 + 32 + MAX_PAYLOAD + 64];
    memset(frame, 0, 14 + 20 + 32);
    put16(frame + 12, 0x0800);
    unsigned char *ip = frame + 14;
    ip[0] = 0x45;
    put16(ip + 2, (uint16_t)(20 + 32 + length));
    put16(ip + 4, (uint16_t)packets_written);
    ip[6] = 0x40; /* don't fragment */
    ip[8] = 64;
    ip[9] = 6;
    put32(ip + 12, src);
    put32(ip + 16, dst);
    put16(ip + 10, checksum(ip, 20));
    unsigned char *tcp = ip + 20;
    put16(tcp, sport);
    put16(tcp + 2, dport);
    put32(tcp + 4, seq);
    put32(tcp + 8, ack);
    tcp[12] = 8 << 4;
    tcp[13] = flags;
    put16(tcp + 14, 65483);
    tcp[20] = 1; tcp[21] = 1; tcp[22] = 8; tcp[23] = 10;
    put32(tcp + 24, (uint32_t)(now_us / 1000));
    put32(tcp + 28, (uint32_t)(now_us / 1000) - 1);
    memcpy(tcp + 32, payload, length);
    uint32_t frame_length = (uint32_t)(14 + 20 + 32 + length);
    uint32_t record[4] = {(uint32_t)(now_us / 1000000), (uint32_t)(now_us % 1000000), frame_length, frame_length};
    fwrite(record, sizeof record, 1, out);
    fwrite(frame, frame_length, 1, out);
    bytes_written += sizeof record + frame_length;
    packets_written++;
    now_us += 1 + below(20);
}

#define SYN 0x02
#define ACK 0x10
#define PSH 0x08
#define FIN 0x01

static uint64_t flows_started, username_flows;
static uint32_t longest_flow = 400;
static int web_profile;
/* Flows open at once: ACTIVE, or WEB_ACTIVE for the web profile. */
#define WEB_ACTIVE 8
static int active = ACTIVE;

static void start(struct flow *f) {
    memset(f, 0, sizeof *f);
    f->client_ip = 0x7f000001;
    f->server_ip = 0x7f000001;
    f->client_port = (uint16_t)(32768 + flows_started % 28000);
    f->server_port = (uint16_t)(50000 + (flows_started / 28000) % 10000);
    f->client_seq = (uint32_t)next_random();
    f->server_seq = (uint32_t)next_random();
    f->server_port = web_profile ? 8000 : f->server_port;
    f->remaining = web_profile ? 2000 + (int)below(4000) : 20 + (int)below(longest_flow - 20);
    f->username_at = web_profile ? (below(10) == 0 ? 0 : -1)
                   : below(10) == 0 ? (int)below((uint32_t)f->remaining - 1) : -1;
    f->never_closed = below(10) == 0;
    f->live = 1;
    flows_started++;
}

static void client_data(struct flow *f, const unsigned char *payload, size_t length) {
    emit(f->client_ip, f->server_ip, f->client_port, f->server_port, f->client_seq, f->server_seq, ACK | PSH, payload, length);
}

static void step(struct flow *f, const char *username) {
    static unsigned char piece[MAX_PAYLOAD];
    switch (f->state) {
    case 0:
        emit(f->client_ip, f->server_ip, f->client_port, f->server_port, f->client_seq, 0, SYN, NULL, 0);
        f->client_seq++;
        f->state = 1;
        return;
    case 1:
        emit(f->server_ip, f->client_ip, f->server_port, f->client_port, f->server_seq, f->client_seq, SYN | ACK, NULL, 0);
        f->server_seq++;
        f->state = 2;
        return;
    case 2:
        emit(f->client_ip, f->server_ip, f->client_port, f->server_port, f->client_seq, f->server_seq, ACK, NULL, 0);
        f->state = 3;
        return;
    case 3:
        break;
    default:
        emit(f->client_ip, f->server_ip, f->client_port, f->server_port, f->client_seq, f->server_seq, FIN | ACK, NULL, 0);
        emit(f->server_ip, f->client_ip, f->server_port, f->client_port, f->server_seq, f->client_seq + 1, FIN | ACK, NULL, 0);
        emit(f->client_ip, f->server_ip, f->client_port, f->server_port, f->client_seq + 1, f->server_seq + 1, ACK, NULL, 0);
        f->live = 0;
        return;
    }
    if (f->remaining == 0) {
        if (f->never_closed) f->live = 0; else f->state = 4;
        return;
    }
    f->remaining--;
    size_t length = 1 + below(MAX_PAYLOAD);
    const unsigned char *payload = filler + below(FILLER_SIZE);
    uint32_t roll = below(100);
    if (f->username_at == f->remaining) {
        /* The username in two segments, as two send() calls with TCP_NODELAY give. */
        size_t name_length = strlen(username), half = name_length / 2;
        size_t before = length > half ? length - half : 0;
        memcpy(piece, payload, before);
        memcpy(piece + before, username, half);
        client_data(f, piece, before + half);
        username_flows++;
        f->client_seq += (uint32_t)(before + half);
        memcpy(piece, username + half, name_length - half);
        memcpy(piece + name_length - half, payload, 100);
        client_data(f, piece, name_length - half + 100);
        f->client_seq += (uint32_t)(name_length - half + 100);
    } else if (roll == 0) {
        /* Retransmission: the same bytes twice. */
        client_data(f, payload, length);
        client_data(f, payload, length);
        f->client_seq += (uint32_t)length;
    } else if (roll == 1) {
        /* Out of order: the second segment overtakes the first. */
        size_t second = 1 + below(MAX_PAYLOAD);
        emit(f->client_ip, f->server_ip, f->client_port, f->server_port, f->client_seq + (uint32_t)length, f->server_seq, ACK | PSH, payload + length, second);
        client_data(f, payload, length);
        f->client_seq += (uint32_t)(length + second);
    } else if (roll < 20) {
        /* A reply from the server. */
        emit(f->server_ip, f->client_ip, f->server_port, f->client_port, f->server_seq, f->client_seq, ACK | PSH, payload, length);
        f->server_seq += (uint32_t)length;
    } else {
        client_data(f, payload, length);
        f->client_seq += (uint32_t)length;
        if (roll < 50) {
            emit(f->server_ip, f->client_ip, f->server_port, f->client_port, f->server_seq, f->client_seq, ACK, NULL, 0);
        }
    }
}

/* The web profile: request, ACK, response, FIN/ACK both ways. `remaining`
 * counts the response bytes still to send; state 3 is the request, 5 the
 * response, 4 the close (shared with `step`). */
static void step_web(struct flow *f, const char *username) {
    static unsigned char piece[MAX_PAYLOAD];
    if (f->state < 3 || f->state == 4) {
        step(f, username);
        return;
    }
    const unsigned char *payload = filler + below(FILLER_SIZE);
    if (f->state == 3) {
        size_t length = 200 + below(600);
        if (f->username_at == 0) {
            size_t name_length = strlen(username), half = name_length / 2;
            memcpy(piece, payload, length);
            memcpy(piece + length, username, half);
            client_data(f, piece, length + half);
            f->client_seq += (uint32_t)(length + half);
            memcpy(piece, username + half, name_length - half);
            memcpy(piece + name_length - half, payload, 20);
            client_data(f, piece, name_length - half + 20);
            f->client_seq += (uint32_t)(name_length - half + 20);
            username_flows++;
        } else {
            client_data(f, payload, length);
            f->client_seq += (uint32_t)length;
        }
        emit(f->server_ip, f->client_ip, f->server_port, f->client_port, f->server_seq, f->client_seq, ACK, NULL, 0);
        f->state = 5;
        return;
    }
    size_t length = (size_t)f->remaining < MAX_PAYLOAD ? (size_t)f->remaining : MAX_PAYLOAD;
    emit(f->server_ip, f->client_ip, f->server_port, f->client_port, f->server_seq, f->client_seq, ACK | PSH, payload, length);
    if (below(100) == 0) {
        emit(f->server_ip, f->client_ip, f->server_port, f->client_port, f->server_seq, f->client_seq, ACK | PSH, payload, length);
    }
    f->server_seq += (uint32_t)length;
    f->remaining -= (int)length;
    emit(f->client_ip, f->server_ip, f->client_port, f->server_port, f->client_seq, f->server_seq, ACK, NULL, 0);
    if (f->remaining == 0) f->state = 4;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s OUT.pcap MEGABYTES USERNAME [SEED [LONGEST_FLOW | web]]\n", argv[0]);
        return 2;
    }
    uint64_t target = (uint64_t)strtoull(argv[2], NULL, 10) << 20;
    const char *username = argv[3];
    if (argc > 4) rng_state ^= strtoull(argv[4], NULL, 10) * 0x9E3779B97F4A7C15ULL;
    if (argc > 5 && strcmp(argv[5], "web") == 0) {
        web_profile = 1;
        active = WEB_ACTIVE;
    } else if (argc > 5) {
        longest_flow = (uint32_t)strtoul(argv[5], NULL, 10);
    }
    if (longest_flow < 22) longest_flow = 22;
    out = fopen(argv[1], "wb");
    if (!out) { perror(argv[1]); return 1; }
    static char buffer[1 << 20];
    setvbuf(out, buffer, _IOFBF, sizeof buffer);
    const char alphabet[] = "abcdefghijklmnopqrstuvwxyz    \n";
    for (size_t i = 0; i < sizeof filler; i++) filler[i] = alphabet[below(sizeof alphabet - 1)];
    uint32_t header[6] = {0xa1b2c3d4, 0x00040002, 0, 0, 262144, 1};
    fwrite(header, sizeof header, 1, out);
    bytes_written = sizeof header;
    static struct flow flows[ACTIVE];
    for (int i = 0; i < active; i++) start(&flows[i]);
    while (bytes_written < target) {
        struct flow *f = &flows[below((uint32_t)active)];
        if (web_profile) step_web(f, username); else step(f, username);
        if (!f->live) start(f);
    }
    /* Flows still open at the end stay open, as in a capture stopped mid-way. */
    if (fclose(out) != 0) { perror(argv[1]); return 1; }
    printf("flows %llu packets %llu bytes %llu username-flows %llu\n",
           (unsigned long long)flows_started, (unsigned long long)packets_written,
           (unsigned long long)bytes_written, (unsigned long long)username_flows);
    return 0;
}
