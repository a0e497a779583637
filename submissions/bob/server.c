/*
 * Lab 2 - TCP server
 * Bob Martin
 *
 * compile: gcc -Wall -o server server.c
 * run:     ./server
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define PORT 59200
#define BUF_SIZE 256

int main(void)
{
    int listen_fd, conn_fd;
    struct sockaddr_in serv_addr, cli_addr;
    socklen_t cli_len;
    char buf[BUF_SIZE];
    int opt = 1;

    listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (listen_fd < 0) {
        perror("socket");
        exit(1);
    }
    setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &opt, sizeof(opt));

    memset(&serv_addr, 0, sizeof(serv_addr));
    serv_addr.sin_family = AF_INET;
    serv_addr.sin_port = htons(PORT);
    serv_addr.sin_addr.s_addr = inet_addr("127.0.0.1");

    if (bind(listen_fd, (struct sockaddr *)&serv_addr, sizeof(serv_addr)) < 0) {
        perror("bind");
        exit(1);
    }
    if (listen(listen_fd, 5) < 0) {
        perror("listen");
        exit(1);
    }
    printf("Listening on 127.0.0.1:%d\n", PORT);
    fflush(stdout);

    for (;;) {
        cli_len = sizeof(cli_addr);
        conn_fd = accept(listen_fd, (struct sockaddr *)&cli_addr, &cli_len);
        if (conn_fd < 0) {
            perror("accept");
            continue;
        }
        printf("client connected from %s:%d\n",
               inet_ntoa(cli_addr.sin_addr), ntohs(cli_addr.sin_port));

        ssize_t n = recv(conn_fd, buf, BUF_SIZE - 1, 0);
        if (n > 0) {
            buf[n] = '\0';
            printf("got: %s\n", buf);
            const char *msg = "Welcome!\n";
            send(conn_fd, msg, strlen(msg), 0);
        }
        fflush(stdout);
        close(conn_fd);
    }

    close(listen_fd); /* never reached */
    return 0;
}
