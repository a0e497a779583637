#include <iostream>
#include <windows.h>
#include <conio.h>
#pragma comment(lib, "ws2_32")

int main() {
    WSADATA wsaData;
    WSAStartup(MAKEWORD(2, 2), &wsaData);
    SOCKET listenSocket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    sockaddr_in service;
    service.sin_family = AF_INET;
    service.sin_addr.s_addr = INADDR_ANY;
    service.sin_port = htons(59206);
    bind(listenSocket, (SOCKADDR*)&service, sizeof(service));
    listen(listenSocket, SOMAXCONN);
    SOCKET client = accept(listenSocket, NULL, NULL);
    std::cout << "client connected, press a key" << std::endl;
    _getch();
    closesocket(client);
    WSACleanup();
}
