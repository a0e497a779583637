import java.io.*;
import java.net.*;

public class Server {
    public static void main(String[] args) throws IOException {
        InetAddress host = InetAddress.getLocalHost();
        ServerSocket server = new ServerSocket(5000, 50, host);
        System.out.println("Server started on " + host + ", waiting for a client ...");
        Socket socket = server.accept();
        System.out.println("Client accepted");
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
        String line = in.readLine();
        System.out.println("Received: " + line);
        socket.close();
        server.close();
    }
}
