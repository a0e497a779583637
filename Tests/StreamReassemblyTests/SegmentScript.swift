import PacketDecoding
import StreamReassembly

let clientEndpoint = Endpoint(address: .v4(0x7F00_0001), port: 60001)
let serverEndpoint = Endpoint(address: .v4(0x7F00_0001), port: 5000)

/// One segment of a test conversation, written the way gopacket's assembly tests write them.
struct ScriptedSegment: Sendable {
    enum Side: Sendable { case client, server }

    var side: Side = .client
    var sequence: UInt32
    var acknowledgment: UInt32 = 0
    var flags: TCPFlags = .ack
    var payload: [UInt8] = []
    /// Defaults to the segment's 1-based position in the script.
    var frame: Int?

    static func data(_ text: String, at sequence: UInt32, from side: Side = .client, frame: Int? = nil) -> ScriptedSegment {
        ScriptedSegment(side: side, sequence: sequence, flags: [.psh, .ack], payload: Array(text.utf8), frame: frame)
    }

    static func syn(at sequence: UInt32) -> ScriptedSegment {
        ScriptedSegment(side: .client, sequence: sequence, flags: .syn)
    }

    static func synAck(at sequence: UInt32, acknowledging clientSequence: UInt32) -> ScriptedSegment {
        ScriptedSegment(side: .server, sequence: sequence, acknowledgment: clientSequence &+ 1, flags: [.syn, .ack])
    }

    static func fin(at sequence: UInt32, from side: Side = .client) -> ScriptedSegment {
        ScriptedSegment(side: side, sequence: sequence, flags: [.fin, .ack])
    }
}

/// Feeds `script` to a fresh tracker and returns what it found.
func reassemble(
    _ script: [ScriptedSegment],
    needles: [String] = [],
    limits: ReassemblyLimits = .default,
    client: Endpoint = clientEndpoint,
    server: Endpoint = serverEndpoint
) -> [Conversation] {
    let tracker = ConversationTracker(needles: needles.map { Array($0.utf8) }, limits: limits)
    feed(script, to: tracker, client: client, server: server)
    return tracker.finish()
}

func feed(_ script: [ScriptedSegment], to tracker: ConversationTracker, client: Endpoint = clientEndpoint, server: Endpoint = serverEndpoint) {
    for (position, scripted) in script.enumerated() {
        let (source, destination) = scripted.side == .client ? (client, server) : (server, client)
        scripted.payload.withUnsafeBytes { payload in
            let segment = TCPSegment(
                source: source.address, destination: destination.address,
                sourcePort: source.port, destinationPort: destination.port,
                sequenceNumber: scripted.sequence, acknowledgmentNumber: scripted.acknowledgment,
                flags: scripted.flags, payload: payload
            )
            tracker.add(segment, frame: scripted.frame ?? position + 1, timestamp: 1000 + Double(position))
        }
    }
}

/// The client-to-server direction of the only conversation.
func clientStream(_ conversations: [Conversation]) -> StreamDirection? {
    conversations.count == 1 ? conversations[0].clientToServer : nil
}

extension Array where Element == UInt8 {
    var text: String { String(decoding: self, as: UTF8.self) }
}
