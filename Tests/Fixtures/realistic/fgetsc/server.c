#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#define PORT 59153

int main(void) {
    int server_fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {0};
    int opt = 1;
    setsockopt(server_fd, SOL_SOCKET, SO_REUSEADDR, &opt, sizeof opt);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = INADDR_ANY;
    address.sin_port = htons(PORT);
    if (bind(server_fd, (struct sockaddr *)&address, sizeof address) < 0) { perror("bind"); return 1; }
    listen(server_fd, 3);
    int client = accept(server_fd, NULL, NULL);
    char buffer[1024] = {0};
    read(client, buffer, sizeof buffer - 1);
    printf("message: %s\n", buffer);
    close(client);
    close(server_fd);
    return 0;
}
