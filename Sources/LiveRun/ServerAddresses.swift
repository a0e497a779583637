import SocketTable

/// The addresses the student's server listens on, and whether a connection
/// was made to one of them. A client that opens a listener of its own on the
/// same port at another address (127.0.0.2) and talks to itself did not
/// connect to the server, so the port alone does not decide.
package struct ServerAddresses: Sendable, Equatable {
    /// The server's own LISTEN rows on its port.
    package var listeners: [SocketRow]

    package init(listeners: [SocketRow]) {
        self.listeners = listeners
    }

    /// A socket table address that a connection went to.
    package func accepts(_ destination: SocketAddress) -> Bool {
        accepts(host: Self.host(destination.ip), port: destination.port,
                isPureIPv6: destination.isIPv6 && !destination.isIPv4Mapped)
    }

    /// An address as printed ("127.0.0.1", "::1", "::ffff:127.0.0.1"): what a
    /// capture shows. A v4-mapped socket's packets travel as IPv4 on the wire.
    package func accepts(host printed: String, port: UInt16, isPureIPv6: Bool) -> Bool {
        let host = Self.host(printed)
        return listeners.contains { listener in
            guard listener.local.port == port else { return false }
            if listener.local.isWildcard {
                // `::` takes IPv4 too (as v4-mapped); `0.0.0.0` takes no IPv6.
                return listener.local.isIPv6 || !isPureIPv6
            }
            return Self.host(listener.local.ip) == host
        }
    }

    /// "::ffff:127.0.0.1" is 127.0.0.1.
    package static func host(_ printed: String) -> String {
        printed.hasPrefix("::ffff:") && printed.contains(".") ? String(printed.dropFirst("::ffff:".count)) : printed
    }
}
