/*
 * Lab 2 - TCP client
 * Bob Martin
 *
 * sends my username to the server (instaed of hello world) and prints
 * what the server answers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define SERVER_IP "127.0.0.1"
#define PORT 59200

int main(void)
{
    int sock;
    struct sockaddr_in addr;
    char reply[256];
    const char *username = "bob";

    sock = socket(AF_INET, SOCK_STREAM, 0);
    if (sock < 0) {
        perror("socket");
        return 1;
    }

    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(PORT);
    if (inet_pton(AF_INET, SERVER_IP, &addr.sin_addr) != 1) {
        fprintf(stderr, "bad address\n");
        return 1;
    }

    if (connect(sock, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        perror("connect");
        return 1;
    }
    printf("connected to %s:%d\n", SERVER_IP, PORT);

    if (send(sock, username, strlen(username), 0) < 0) {
        perror("send");
        close(sock);
        return 1;
    }

    ssize_t n = recv(sock, reply, sizeof(reply) - 1, 0);
    if (n > 0) {
        reply[n] = '\0';
        printf("server: %s", reply);
    }

    close(sock);
    return 0;
}
