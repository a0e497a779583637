import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.util.Scanner;

// Lab 2 client (Leo Martin).
// Asks for your username, sends it to the server, then sends whatever you
// type until you enter "bye".
public class ChatClient {
    public static void main(String[] args) {
        Scanner sc = new Scanner(System.in);
        System.out.print("Enter your username: ");
        String username = sc.nextLine();

        try (Socket socket = new Socket("localhost", 59444)) {
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));

            out.println(username);
            System.out.println(in.readLine());

            System.out.println("Type a message (bye to quit):");
            while (sc.hasNextLine()) {
                String msg = sc.nextLine();
                if (msg.equals("bye")) {
                    break;
                }
                out.println(msg);
                System.out.println(in.readLine());
            }
        } catch (IOException e) {
            System.out.println("Error: " + e.getMessage());
        }
        sc.close();
    }
}
