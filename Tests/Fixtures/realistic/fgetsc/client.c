#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#define PORT 59153

int main(void) {
    char message[256];
    printf("Enter a message: ");
    fflush(stdout);
    if (fgets(message, sizeof message, stdin) == NULL) return 1;
    message[strcspn(message, "\n")] = 0;
    int sock = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in server = {0};
    server.sin_family = AF_INET;
    server.sin_port = htons(PORT);
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    if (connect(sock, (struct sockaddr *)&server, sizeof server) < 0) { perror("connect"); return 1; }
    send(sock, message, strlen(message), 0);
    printf("sent\n");
    close(sock);
    return 0;
}
