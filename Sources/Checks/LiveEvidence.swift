import Reporting

/// The evidence of the live checks, one type per shape, so the report's keys
/// and their types are written down in one place (`JSONValue(encoding:)`
/// spells them in snake case).

/// server-listening passed: the LISTEN row and who owned it.
package struct ListeningEvidence: Encodable, Equatable {
    package var pid: Int
    package var command: String
    package var address: String
    package var port: Int
    package var netstat: [String]
    package var seenAfterMs: Double
}

/// Rows of /proc/net/tcp, as netstat prints them.
package struct NetstatEvidence: Encodable, Equatable {
    package var netstat: [String]
}

/// client-established: what showed the connection, or what was seen instead.
package struct ConnectionEvidence: Encodable, Equatable {
    package var port: Int
    package var netstat: [String]?
    package var procStates: [String]?
    package var madeByTheServer: [String]?
    package var handshakeFrames: [Int]?
    package var connection: String?
    package var evidence: [String] = []
}

/// The conversations to the server, when the username was not among them
/// (each is `StreamEvidence.summary`, shared with `inspect --json`).
package struct StreamsEvidence: Encodable, Equatable {
    package var streams: [JSONValue]
}
