import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Lab 2 - TCP Server
 * @author Carol Jones (cjones)
 *
 * Waits for clients on port 60001 and echoes back what they send.
 */
public class Server {

    private static final int PORT = 60001;

    public static void main(String[] args) {
        try (ServerSocket serverSocket = new ServerSocket(PORT)) {
            System.out.println("Listening on port " + PORT + "...");

            while (true) {
                try (Socket client = serverSocket.accept();
                     BufferedReader in = new BufferedReader(
                             new InputStreamReader(client.getInputStream()));
                     PrintWriter out = new PrintWriter(client.getOutputStream(), true)) {

                    System.out.println("Client connected: " + client.getRemoteSocketAddress());
                    String line = in.readLine();
                    System.out.println("Received: " + line);
                    out.println("Echo: " + line);
                } catch (IOException e) {
                    System.out.println("Problem with client: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            System.err.println("Could not listen on port " + PORT + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
