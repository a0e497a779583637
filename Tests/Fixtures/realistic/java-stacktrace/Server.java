import java.io.*;
import java.net.*;

public class Server {
    public static void main(String[] args) throws IOException {
        ServerSocket ss = new ServerSocket(59303);
        System.out.println("Server is listening on port 59303");
        while (true) {
            Socket s = ss.accept();
            BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream()));
            System.out.println("client says " + r.readLine());
            s.close();
        }
    }
}
