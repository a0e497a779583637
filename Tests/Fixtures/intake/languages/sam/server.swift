import Glibc

let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
var yes: Int32 = 1
setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
var address = sockaddr_in()
address.sin_family = sa_family_t(AF_INET)
address.sin_port = in_port_t(59630).bigEndian
address.sin_addr.s_addr = inet_addr("127.0.0.1")
let bound = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
}
precondition(bound == 0, "bind failed")
listen(fd, 5)
print("listening")
while true {
    let client = accept(fd, nil, nil)
    if client < 0 { continue }
    var buffer = [UInt8](repeating: 0, count: 1024)
    let count = read(client, &buffer, buffer.count)
    print("got", String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self))
    close(client)
}
