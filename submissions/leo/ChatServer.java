import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;

// Lab 2 server (Leo Martin).
// Greets each client by the username it sends first, then echoes every
// line back until the client hangs up.
public class ChatServer {
    public static void main(String[] args) throws IOException {
        int port = 59444;
        ServerSocket serverSocket = new ServerSocket(port);
        System.out.println("Chat server started on port " + port);

        while (true) {
            Socket socket = serverSocket.accept();
            System.out.println("New client: " + socket.getInetAddress().getHostAddress());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true);

            String username = in.readLine();
            System.out.println("User " + username + " joined");
            out.println("Welcome " + username + "!");

            String line;
            while ((line = in.readLine()) != null) {
                System.out.println(username + ": " + line);
                out.println("echo: " + line);
            }
            System.out.println(username + " left");
            socket.close();
        }
    }
}
