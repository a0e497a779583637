/* Lab 2 TCP client: sends my username to the server. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in server = { .sin_family = AF_INET, .sin_port = htons(59461) };
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    if (connect(s, (struct sockaddr *)&server, sizeof server) < 0) {
        perror("connect");
        return 1;
    }
    const char *name = "labcc\n";
    send(s, name, strlen(name), 0);
    char reply[64];
    ssize_t got = recv(s, reply, sizeof reply - 1, 0);
    if (got > 0) {
        reply[got] = '\0';
        printf("server: %s", reply);
    }
    close(s);
    return 0;
}
