/// The student's whole socket table, as `netstat -atn` would have printed it,
/// at the moment the server was seen listening and the moment the client was
/// seen connected: what the student's screenshots should show.
public struct SocketSnapshots: Codable, Sendable, Equatable {
    public var atListen: [String]
    public var atEstablished: [String]

    public init(atListen: [String], atEstablished: [String]) {
        self.atListen = atListen
        self.atEstablished = atEstablished
    }

    enum CodingKeys: String, CodingKey {
        case atListen = "at_listen"
        case atEstablished = "at_established"
    }
}
