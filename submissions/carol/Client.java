import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;

/**
 * Lab 2 - TCP Client
 * @author Carol Jones (cjones)
 *
 * Connects to the server and sends my username.
 */
public class Client {

    public static void main(String[] args) {
        String host = "127.0.0.1";
        int port = 60001;
        String username = "cjones";

        try (Socket socket = new Socket(host, port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
             BufferedReader in = new BufferedReader(
                     new InputStreamReader(socket.getInputStream()))) {

            System.out.println("Connected to " + host + ":" + port);
            out.println(username);            // send username instead of Hello World
            System.out.println("Server replied: " + in.readLine());

        } catch (IOException e) {
            System.err.println("Client error: " + e.getMessage());
            System.exit(1);
        }
    }
}
