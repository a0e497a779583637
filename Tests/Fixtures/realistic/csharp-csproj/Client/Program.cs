using System;
using System.Net.Sockets;
using System.Text;

namespace Client
{
    class Program
    {
        static void Main(string[] args)
        {
            using (var client = new TcpClient("127.0.0.1", 59701))
            {
                NetworkStream stream = client.GetStream();
                byte[] data = Encoding.ASCII.GetBytes("csharp-csproj");
                stream.Write(data, 0, data.Length);
                byte[] reply = new byte[16];
                int read = stream.Read(reply, 0, reply.Length);
                Console.WriteLine("Server: {0}", Encoding.ASCII.GetString(reply, 0, read));
            }
        }
    }
}
