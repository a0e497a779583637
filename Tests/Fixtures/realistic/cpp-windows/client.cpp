#include <iostream>
#include <winsock2.h>
#include <ws2tcpip.h>
#pragma comment(lib, "ws2_32")

int main() {
    WSADATA wsaData;
    WSAStartup(MAKEWORD(2, 2), &wsaData);
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    sockaddr_in addr;
    addr.sin_family = AF_INET;
    addr.sin_port = htons(59206);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connect(s, (SOCKADDR*)&addr, sizeof(addr));
    send(s, "cpp-windows", 11, 0);
    closesocket(s);
    WSACleanup();
}
