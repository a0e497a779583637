// Lab 2 -- TCP server (C++)
// Grace Park
//
// Reads until the client closes its side, so it gets the whole username
// even if it arrives in pieces.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <iostream>
#include <string>

int main() {
    const int port = 61000;

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0) {
        std::perror("socket");
        return 1;
    }
    int yes = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));

    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    if (bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) < 0) {
        std::perror("bind");
        return 1;
    }
    if (listen(listener, 10) < 0) {
        std::perror("listen");
        return 1;
    }
    std::cout << "Listening on 127.0.0.1:" << port << std::endl;

    while (true) {
        sockaddr_in peer{};
        socklen_t len = sizeof(peer);
        int conn = accept(listener, reinterpret_cast<sockaddr*>(&peer), &len);
        if (conn < 0) {
            std::perror("accept");
            continue;
        }
        std::cout << "Accepted " << inet_ntoa(peer.sin_addr) << ":" << ntohs(peer.sin_port) << std::endl;

        std::string msg;
        char buf[128];
        ssize_t n;
        while ((n = recv(conn, buf, sizeof(buf), 0)) > 0) {
            msg.append(buf, static_cast<size_t>(n));
        }
        std::cout << "Username: " << msg;
        if (msg.empty() || msg.back() != '\n') std::cout << '\n';
        std::cout.flush();
        close(conn);
    }
}
