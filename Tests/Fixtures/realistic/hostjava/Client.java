import java.io.*;
import java.net.*;

public class Client {
    public static void main(String[] args) throws IOException {
        InetAddress host = InetAddress.getLocalHost();
        Socket socket = new Socket(host.getHostName(), 5000);
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
        out.println("hostjava");
        socket.close();
    }
}
