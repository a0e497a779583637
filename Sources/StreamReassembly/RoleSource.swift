/// How a conversation's client and server were told apart.
public enum RoleSource: Sendable, Equatable, CustomStringConvertible {
    /// A SYN without ACK was seen from the client.
    case syn
    /// The SYN was missed, but the server's SYN-ACK was seen.
    case synAck
    /// The port the server was seen listening on in the live run.
    case listening
    /// No handshake was seen: the endpoint with the lower port is taken as
    /// the server (on equal ports, the destination of the first packet).
    case guessed

    public var description: String {
        switch self {
        case .syn: return "SYN seen from the client"
        case .synAck: return "SYN-ACK seen from the server"
        case .listening: return "the server's port was seen listening"
        case .guessed: return "no handshake seen; the lower port is taken as the server"
        }
    }
}
