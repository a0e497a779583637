/* TCP server: ./server <port> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        fprintf(stderr, "Usage: %s <port>\n", argv[0]);
        exit(1);
    }
    int port = atoi(argv[1]);
    int sockfd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in serv_addr;
    memset(&serv_addr, 0, sizeof serv_addr);
    serv_addr.sin_family = AF_INET;
    serv_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    serv_addr.sin_port = htons(port);
    if (bind(sockfd, (struct sockaddr *)&serv_addr, sizeof serv_addr) < 0) { perror("ERROR on binding"); exit(1); }
    listen(sockfd, 5);
    int newsockfd = accept(sockfd, NULL, NULL);
    char buffer[256] = {0};
    int n = read(newsockfd, buffer, 255);
    if (n > 0) printf("Here is the message: %s\n", buffer);
    close(newsockfd);
    close(sockfd);
    return 0;
}
