// Lab 2 -- TCP client (C++)
// Grace Park
//
// Sends the username in two parts on purpose, with Nagle turned off, to
// see two separate packets in Wireshark (bonus question 3).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <iostream>

static bool send_all(int fd, const char* s) {
    size_t left = std::strlen(s);
    while (left > 0) {
        ssize_t n = send(fd, s, left, 0);
        if (n < 0) return false;
        s += n;
        left -= static_cast<size_t>(n);
    }
    return true;
}

int main() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        std::perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));

    sockaddr_in srv{};
    srv.sin_family = AF_INET;
    srv.sin_port = htons(61000);
    inet_pton(AF_INET, "127.0.0.1", &srv.sin_addr);

    if (connect(fd, reinterpret_cast<sockaddr*>(&srv), sizeof(srv)) < 0) {
        std::perror("connect");
        return 1;
    }
    std::cout << "connected" << std::endl;

    if (!send_all(fd, "gra") || !send_all(fd, "ce\n")) {
        std::perror("send");
        close(fd);
        return 1;
    }
    std::cout << "sent username in 2 pieces" << std::endl;

    close(fd);
    return 0;
}
