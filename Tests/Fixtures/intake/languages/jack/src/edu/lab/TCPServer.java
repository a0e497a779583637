package edu.lab;

import java.io.*;
import java.net.*;

/** Based on the Oracle tutorial "Writing the Server Side of a Socket". */
public class TCPServer {
    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(59650, 5, InetAddress.getByName("127.0.0.1"))) {
            System.out.println("listening");
            while (true) {
                try (Socket socket = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()))) {
                    System.out.println(Greeting.of(in.readLine()));
                }
            }
        }
    }
}
