/* Lab 2 TCP server: prints what the client sends and answers "ok". */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons(59461) };
    inet_pton(AF_INET, "127.0.0.1", &me.sin_addr);
    if (bind(listener, (struct sockaddr *)&me, sizeof me) < 0 || listen(listener, 5) < 0) {
        perror("bind/listen");
        return 1;
    }
    for (;;) {
        int peer = accept(listener, NULL, NULL);
        char line[256];
        ssize_t got = recv(peer, line, sizeof line - 1, 0);
        if (got > 0) {
            line[got] = '\0';
            printf("got: %s", line);
            send(peer, "ok\n", 3, 0);
        }
        close(peer);
    }
}
