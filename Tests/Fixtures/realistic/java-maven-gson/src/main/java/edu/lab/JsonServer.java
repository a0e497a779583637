package edu.lab;

import com.google.gson.Gson;
import java.io.*;
import java.net.*;

public class JsonServer {
    record Hello(String user) {}

    public static void main(String[] args) throws IOException {
        Gson gson = new Gson();
        try (ServerSocket server = new ServerSocket(59304)) {
            Socket s = server.accept();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream()));
            Hello hello = gson.fromJson(in.readLine(), Hello.class);
            System.out.println("hello from " + hello.user());
        }
    }
}
