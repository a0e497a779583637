/// An IPv4 or IPv6 address and a port, as one end of a row in /proc/net/tcp or tcp6.
///
/// The address is kept as numbers, not text, so that parsing a socket table every millisecond
/// allocates no strings; `ip` renders it on demand.
public struct SocketAddress: Hashable, Sendable, CustomStringConvertible {
    /// First 64 bits of an IPv6 address in network order; 0 for IPv4.
    var high: UInt64
    /// Last 64 bits of an IPv6 address in network order, or the IPv4 address in the low 32 bits.
    var low: UInt64
    public var port: UInt16
    /// Whether this is an IPv6 address (a row of /proc/net/tcp6), v4-mapped ones included.
    public let isIPv6: Bool

    /// An IPv4 address given as its network-order number: 0x7F00_0001 is 127.0.0.1.
    public init(ipv4 address: UInt32, port: UInt16) {
        self.high = 0
        self.low = UInt64(address)
        self.port = port
        self.isIPv6 = false
    }

    /// An IPv6 address given as its first and last 64 bits in network order: (0, 1) is ::1.
    public init(ipv6High high: UInt64, low: UInt64, port: UInt16) {
        self.high = high
        self.low = low
        self.port = port
        self.isIPv6 = true
    }

    /// Parses printed addresses such as "127.0.0.1" or "::1"; nil when `ip` is neither.
    public init?(ip: String, port: UInt16) {
        if let address = SystemCalls.ipv4(parsing: ip) {
            self.init(ipv4: address, port: port)
        } else if let address = SystemCalls.ipv6(parsing: ip) {
            self.init(ipv6High: address.high, low: address.low, port: port)
        } else {
            return nil
        }
    }

    /// The address as `inet_ntop` prints it: "127.0.0.1", "::1", "::ffff:127.0.0.1", "::".
    public var ip: String {
        isIPv6 ? SystemCalls.text(ofIPv6: high, low) : SystemCalls.text(ofIPv4: UInt32(truncatingIfNeeded: low))
    }

    /// 127.0.0.0/8, ::1, or 127.0.0.0/8 mapped into IPv6 (a dual-stack server's view of an IPv4 client).
    public var isLoopback: Bool {
        if isIPv6 && !isIPv4Mapped {
            return high == 0 && low == 1
        }
        return (low >> 24) & 0xFF == 127
    }

    /// 0.0.0.0 or ::, the address of a socket bound to every interface.
    public var isWildcard: Bool {
        high == 0 && low == 0
    }

    /// An IPv6 address of the form ::ffff:a.b.c.d, which stands for the IPv4 address a.b.c.d.
    public var isIPv4Mapped: Bool {
        isIPv6 && high == 0 && low >> 32 == 0xFFFF
    }

    /// The IPv4 address inside a v4-mapped one (::ffff:127.0.0.1 gives 127.0.0.1), otherwise itself.
    ///
    /// Lets a grader match a dual-stack server's rows against the IPv4 address a client used.
    public var unmapped: SocketAddress {
        isIPv4Mapped ? SocketAddress(ipv4: UInt32(truncatingIfNeeded: low), port: port) : self
    }

    /// "127.0.0.1:60001", "::1:60001"; port 0 shows as "*" ("0.0.0.0:*"), as in `netstat -a`.
    ///
    /// Unlike netstat, v4-mapped addresses keep their IPv6 form and long addresses are never cut.
    public var description: String {
        ip + ":" + portText
    }

    /// The port as netstat prints it: "*" for 0, the unbound or unconnected end.
    var portText: String {
        port == 0 ? "*" : String(port)
    }
}
