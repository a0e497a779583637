/* shared by tcp_server.c and tcp_client.c */
#include <arpa/inet.h>
#include <string.h>
#include "common.h"

struct sockaddr_in loopback(int port) {
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}
