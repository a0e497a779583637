import java.net.Socket

fun main() {
    val socket = Socket("127.0.0.1", 59705)
    socket.getOutputStream().write("kotlin-sockets\n".toByteArray())
    println(socket.getInputStream().bufferedReader().readLine())
    socket.close()
}
