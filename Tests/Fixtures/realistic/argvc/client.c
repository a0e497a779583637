/* TCP client: ./client <hostname> <port> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>

int main(int argc, char *argv[]) {
    if (argc < 3) {
        fprintf(stderr, "usage %s hostname port\n", argv[0]);
        exit(0);
    }
    struct addrinfo hints = {0}, *result;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(argv[1], argv[2], &hints, &result) != 0) { fprintf(stderr, "ERROR, no such host\n"); exit(1); }
    int sockfd = socket(result->ai_family, result->ai_socktype, result->ai_protocol);
    if (connect(sockfd, result->ai_addr, result->ai_addrlen) < 0) { perror("ERROR connecting"); exit(1); }
    const char *message = "argvc";
    write(sockfd, message, strlen(message));
    close(sockfd);
    return 0;
}
