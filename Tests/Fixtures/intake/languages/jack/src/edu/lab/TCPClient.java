package edu.lab;

import java.io.*;
import java.net.*;

public class TCPClient {
    public static void main(String[] args) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", 59650);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true)) {
            out.println("jack");
        }
    }
}
