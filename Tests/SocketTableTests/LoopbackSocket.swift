import Glibc

/// A TCP socket on the loopback interface, closed when released; tests only ever use loopback.
final class LoopbackSocket {
    private(set) var descriptor: CInt
    let ipv6: Bool

    private init(descriptor: CInt, ipv6: Bool) {
        self.descriptor = descriptor
        self.ipv6 = ipv6
    }

    /// A socket listening on 127.0.0.1 (or ::1) at a port the kernel picks.
    static func listener(ipv6: Bool = false) throws -> LoopbackSocket {
        let socket = try LoopbackSocket(descriptor: check(Glibc.socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)), ipv6: ipv6)
        _ = try socket.withAddress(port: 0) { address, length in try check(bind(socket.descriptor, address, length)) }
        try check(listen(socket.descriptor, 8))
        return socket
    }

    /// A client connected to `port` on the loopback address of its family.
    static func client(connectingTo port: UInt16, ipv6: Bool = false) throws -> LoopbackSocket {
        let socket = try LoopbackSocket(descriptor: check(Glibc.socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)), ipv6: ipv6)
        _ = try socket.withAddress(port: port) { address, length in try check(connect(socket.descriptor, address, length)) }
        return socket
    }

    /// The next connection waiting on this listener.
    func accept() throws -> LoopbackSocket {
        try LoopbackSocket(descriptor: check(Glibc.accept(descriptor, nil, nil)), ipv6: ipv6)
    }

    /// The local port the kernel bound.
    var port: UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return withUnsafeBytes(of: storage) { bytes in
            // sin_port and sin6_port both sit at offset 2, in network order.
            UInt16(bytes[2]) << 8 | UInt16(bytes[3])
        }
    }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)
        _ = try check(Int32(Glibc.send(descriptor, &bytes, bytes.count, 0)))
    }

    /// Reads what has arrived, up to 64 bytes.
    func receive() throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = try check(Int32(recv(descriptor, &bytes, bytes.count, 0)))
        return Array(bytes[..<Int(count)])
    }

    func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }

    deinit { close() }

    private func withAddress<Result>(port: UInt16, _ body: (UnsafePointer<sockaddr>, socklen_t) throws -> Result) throws -> Result {
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            address.sin6_addr = in6addr_loopback
            return try withUnsafePointer(to: &address) {
                try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return try withUnsafePointer(to: &address) {
            try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    /// Whether ::1 can be bound here; some containers run without IPv6.
    static let ipv6LoopbackWorks: Bool = (try? listener(ipv6: true)) != nil
}

struct SystemCallFailed: Error, CustomStringConvertible {
    var errno: CInt
    var description: String { "system call failed: errno \(errno)" }
}

@discardableResult
func check(_ result: CInt) throws -> CInt {
    if result < 0 { throw SystemCallFailed(errno: errno) }
    return result
}

/// Polls `condition` every 5 ms for at most two seconds; the kernel finishes a loopback
/// close handshake in microseconds, so this bounds a wait that is normally one poll.
func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
    for _ in 0..<400 {
        if try condition() { return true }
        usleep(5_000)
    }
    return false
}
