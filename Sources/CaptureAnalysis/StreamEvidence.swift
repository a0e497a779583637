import PacketDecoding
import Reporting
import StreamReassembly

/// How conversations and matches read in a report: the same words and fields
/// for the live capture and for the file the student handed in.
package enum StreamEvidence {
    package static func route(_ conversation: Conversation) -> String {
        route(client: conversation.client, server: conversation.server)
    }

    package static func route(client: Endpoint, server: Endpoint) -> String {
        "\(client) → \(server)"
    }

    /// "frame 4" or "frames 4, 6".
    package static func frames(_ numbers: [Int]) -> String {
        (numbers.count == 1 ? "frame " : "frames ") + numbers.map(String.init).joined(separator: ", ")
    }

    /// The bytes as a person would quote them: printable ASCII, the rest escaped.
    package static func quote(_ bytes: some Collection<UInt8>, limit: Int = 80) -> String {
        withQuoted(bytes, limit: limit) { String(decoding: $0, as: UTF8.self) }
    }

    /// `quote`'s UTF-8 bytes, handed to `body`, written byte by byte into a
    /// buffer on the stack: `inspect --json` quotes the start of every
    /// conversation, and Character appends were a tenth of it, then the
    /// array and the two strings made for each quote a twentieth.
    package static func withQuoted<Result>(
        _ bytes: some Collection<UInt8>, limit: Int = 80, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let quoted = min(bytes.count, limit)
        // Four bytes at most for each byte ("\xff"), two quotes and an ellipsis.
        return withUnsafeTemporaryAllocation(byteCount: quoted * 4 + 5, alignment: 1) { text in
            var count = 0
            func put(_ byte: UInt8) {
                text[count] = byte
                count += 1
            }
            put(UInt8(ascii: "\""))
            for byte in bytes.prefix(limit) {
                switch byte {
                case 0x0A: put(0x5C); put(UInt8(ascii: "n"))
                case 0x0D: put(0x5C); put(UInt8(ascii: "r"))
                case 0x09: put(0x5C); put(UInt8(ascii: "t"))
                case 0x22, 0x5C: put(0x5C); put(byte)
                case 0x20...0x7E: put(byte)
                default:
                    put(0x5C); put(UInt8(ascii: "x"))
                    put(hexDigits[Int(byte >> 4)]); put(hexDigits[Int(byte & 0x0F)])
                }
            }
            put(UInt8(ascii: "\""))
            // "…", U+2026
            if bytes.count > limit { put(0xE2); put(0x80); put(0xA6) }
            return body(UnsafeRawBufferPointer(rebasing: text[..<count]))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// One match: where the username travelled, in which frames, with the bytes around it.
    package static func match(_ match: Match, in conversation: Conversation, file: String? = nil) -> MatchEvidence {
        MatchEvidence(
            stream: conversation.index, source: conversation.client.description, destination: conversation.server.description,
            frames: match.frames, streamOffset: match.streamOffset,
            bytes: HexDump.lines(match.excerpt, startOffset: match.excerptOffset), file: file)
    }

    /// Where a username travelled: the evidence of a passed username check.
    package struct MatchEvidence: Encodable, Equatable {
        package var stream: Int
        package var direction = "client-to-server"
        package var source: String
        package var destination: String
        package var frames: [Int]
        package var streamOffset: Int
        package var bytes: [String]
        /// The handed-in capture it was found in; nil for the live capture.
        package var file: String?

        package init(stream: Int, source: String, destination: String, frames: [Int], streamOffset: Int, bytes: [String], file: String?) {
            self.stream = stream
            self.source = source
            self.destination = destination
            self.frames = frames
            self.streamOffset = streamOffset
            self.bytes = bytes
            self.file = file
        }
    }

    /// A conversation's summary, for "what was there instead".
    package static func summary(_ conversation: Conversation) -> JSONValue {
        let sent = conversation.clientToServer
        var fields: [String: JSONValue] = [
            "stream": .int(conversation.index),
            "client": .string(conversation.client.description),
            "server": .string(conversation.server.description),
            "loopback": .bool(conversation.isLoopback),
            "handshake_complete": .bool(conversation.handshake.complete),
            "client_bytes": .int(sent.payloadBytes),
            "server_bytes": .int(conversation.serverToClient.payloadBytes),
            "client_sent": .string(quote(sent.prefix)),
            "gaps": .int(sent.gapCount),
        ]
        if let anomaly = conversation.handshakeAnomaly { fields["handshake_anomaly"] = .string(anomaly) }
        return .object(fields)
    }
}
