import java.io.BufferedReader
import java.io.InputStreamReader
import java.net.ServerSocket

fun main() {
    val server = ServerSocket(59705)
    println("Server is running on port ${server.localPort}")
    val client = server.accept()
    val reader = BufferedReader(InputStreamReader(client.getInputStream()))
    println("Client says: ${reader.readLine()}")
    client.getOutputStream().write("bye\n".toByteArray())
    client.close()
    server.close()
}
