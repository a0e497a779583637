import PacketDecoding
import Testing
@testable import StreamReassembly

/// Issue 18.2: a split handshake (SYN, SYN, SYN-ACK, ACK) or a simultaneous
/// open once started a second conversation at the server's SYN, with client
/// and server swapped; the whole handshake decides, and the odd one is said.
@Suite struct OddHandshakeTests {
    static let clientISN: UInt32 = 1000
    static let serverISN: UInt32 = 5000

    @Test func splitHandshakeKeepsOneConversationWithTheRolesOfTheFirstSYN() throws {
        let conversations = reassemble([
            .syn(at: Self.clientISN),
            ScriptedSegment(side: .server, sequence: Self.serverISN, flags: .syn),
            ScriptedSegment(side: .client, sequence: Self.clientISN, acknowledgment: Self.serverISN + 1, flags: [.syn, .ack]),
            ScriptedSegment(side: .server, sequence: Self.serverISN + 1, acknowledgment: Self.clientISN + 1, flags: .ack),
            .data("alice", at: Self.clientISN + 1),
        ], needles: ["alice"])
        #expect(conversations.count == 1)
        let conversation = try #require(conversations.first)
        #expect(conversation.client == clientEndpoint)
        #expect(conversation.server == serverEndpoint)
        #expect(conversation.handshake == Handshake(synFrame: 1, synAckFrame: 3, ackFrame: 4))
        #expect(conversation.clientToServer.matchCount == 1)
        #expect(conversation.handshakeAnomaly?.contains("split handshake or simultaneous open") == true)
        #expect(conversation.handshakeAnomaly?.contains("frame 2") == true)
    }

    @Test func simultaneousOpenIsOneConversationAndSaidSo() throws {
        let conversations = reassemble([
            .syn(at: Self.clientISN),
            ScriptedSegment(side: .server, sequence: Self.serverISN, flags: .syn),
            ScriptedSegment(side: .client, sequence: Self.clientISN, acknowledgment: Self.serverISN + 1, flags: [.syn, .ack]),
            .synAck(at: Self.serverISN, acknowledging: Self.clientISN),
            .data("alice", at: Self.clientISN + 1),
        ], needles: ["alice"])
        #expect(conversations.count == 1)
        #expect(conversations.first?.clientToServer.matchCount == 1)
        #expect(conversations.first?.handshakeAnomaly != nil)
    }

    /// The capture's first packet is the server's SYN (a split handshake whose
    /// first SYN was missed): the port seen listening in the live run decides.
    @Test func listeningPortOutweighsTheFirstPacket() throws {
        let tracker = ConversationTracker(needles: [Array("alice".utf8)], listeningPorts: [serverEndpoint.port])
        feed([
            ScriptedSegment(side: .server, sequence: Self.serverISN, flags: .syn),
            ScriptedSegment(side: .client, sequence: Self.clientISN, acknowledgment: Self.serverISN + 1, flags: [.syn, .ack]),
            .data("alice", at: Self.clientISN + 1),
        ], to: tracker)
        let conversation = try #require(tracker.finish().first)
        #expect(conversation.roleSource == .listening)
        #expect(conversation.server == serverEndpoint)
        #expect(conversation.clientToServer.matchCount == 1)
    }

    /// A new SYN from the server's side after the handshake completed is still a new connection.
    @Test func aSYNAfterTheHandshakeStillStartsAnew() {
        let conversations = reassemble([
            .syn(at: Self.clientISN),
            .synAck(at: Self.serverISN, acknowledging: Self.clientISN),
            ScriptedSegment(side: .client, sequence: Self.clientISN + 1, acknowledgment: Self.serverISN + 1, flags: .ack),
            ScriptedSegment(side: .server, sequence: 9000, flags: .syn),
        ])
        #expect(conversations.count == 2)
    }
}
