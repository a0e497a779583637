package edu.lab;

class Greeting {
    static String of(String name) { return "Hello " + name; }
}
