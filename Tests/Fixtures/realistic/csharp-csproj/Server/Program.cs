using System;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Server
{
    class Program
    {
        static void Main(string[] args)
        {
            var listener = new TcpListener(IPAddress.Loopback, 59701);
            listener.Start();
            Console.WriteLine("Waiting for a connection...");
            using (TcpClient client = listener.AcceptTcpClient())
            {
                NetworkStream stream = client.GetStream();
                byte[] buffer = new byte[256];
                int read = stream.Read(buffer, 0, buffer.Length);
                Console.WriteLine("Received: {0}", Encoding.ASCII.GetString(buffer, 0, read));
                byte[] reply = Encoding.ASCII.GetBytes("ok");
                stream.Write(reply, 0, reply.Length);
            }
            listener.Stop();
        }
    }
}
