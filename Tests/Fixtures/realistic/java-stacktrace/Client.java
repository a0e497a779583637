import java.io.*;
import java.net.*;

public class Client {
    // The server's port (copied from the hand-out, which used 5000)
    static final int PORT = 5000;

    public static void main(String[] args) {
        try {
            new Client().run();
        } catch (IOException e) {
            throw new RuntimeException("could not talk to the server", e);
        }
    }

    void run() throws IOException {
        connectAndSend();
    }

    void connectAndSend() throws IOException {
        Socket socket = new Socket("127.0.0.1", PORT);
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
        out.println("java-stacktrace");
        socket.close();
    }
}
