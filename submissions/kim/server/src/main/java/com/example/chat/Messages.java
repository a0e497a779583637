package com.example.chat;

final class Messages {
    private Messages() {}

    static String welcome(String name) {
        return "Welcome to the chat, " + name + "!";
    }
}
