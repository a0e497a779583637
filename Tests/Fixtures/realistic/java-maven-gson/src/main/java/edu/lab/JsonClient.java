package edu.lab;

import com.google.gson.Gson;
import java.io.*;
import java.net.*;

public class JsonClient {
    record Hello(String user) {}

    public static void main(String[] args) throws IOException {
        try (Socket s = new Socket("localhost", 59304)) {
            new PrintWriter(s.getOutputStream(), true).println(new Gson().toJson(new Hello("java-maven-gson")));
        }
    }
}
