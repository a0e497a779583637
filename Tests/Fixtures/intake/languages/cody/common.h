#ifndef COMMON_H
#define COMMON_H
#define LAB_PORT 59690
struct sockaddr_in loopback(int port);
#endif
