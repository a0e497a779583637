#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include "common.h"

int main(void) {
    int server = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = loopback(LAB_PORT);
    if (connect(server, (struct sockaddr *)&address, sizeof address) < 0) { perror("connect"); return 1; }
    const char *name = "cody\n";
    write(server, name, strlen(name));
    close(server);
    return 0;
}
