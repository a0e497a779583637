/* Based on Beej's Guide to Network Programming, section 6.1 */
#include <stdio.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include "common.h"

int main(void) {
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    struct sockaddr_in address = loopback(LAB_PORT);
    if (bind(listener, (struct sockaddr *)&address, sizeof address) < 0) { perror("bind"); return 1; }
    listen(listener, 5);
    printf("listening on %d\n", LAB_PORT);
    fflush(stdout);
    for (;;) {
        int client = accept(listener, NULL, NULL);
        if (client < 0) continue;
        char buffer[256];
        ssize_t count = read(client, buffer, sizeof buffer - 1);
        if (count > 0) { buffer[count] = 0; printf("got %s", buffer); fflush(stdout); }
        close(client);
    }
}
