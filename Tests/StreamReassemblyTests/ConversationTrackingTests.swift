import PacketDecoding
import StreamReassembly
import Testing

/// Roles, handshakes, conversation keys and port reuse.
struct ConversationTrackingTests {
    static let clientISN: UInt32 = 0xC6CB_A5CB
    static let serverISN: UInt32 = 0xEAA6_6098

    static let handshake: [ScriptedSegment] = [
        .syn(at: clientISN),
        .synAck(at: serverISN, acknowledging: clientISN),
        ScriptedSegment(sequence: clientISN + 1, acknowledgment: serverISN + 1, flags: .ack),
    ]

    @Test func fullHandshakeGivesRolesAndFrames() throws {
        let conversations = reassemble(Self.handshake + [
            .data("alice", at: Self.clientISN + 1),
            .data("Hello World\n", at: Self.serverISN + 1, from: .server),
        ])
        let conversation = try #require(conversations.first)
        #expect(conversations.count == 1)
        #expect(conversation.index == 0)
        #expect(conversation.client == clientEndpoint)
        #expect(conversation.server == serverEndpoint)
        #expect(conversation.roleSource == .syn)
        #expect(conversation.handshake == Handshake(synFrame: 1, synAckFrame: 2, ackFrame: 3))
        #expect(conversation.handshake.complete)
        #expect(conversation.firstFrame == 1)
        #expect(conversation.lastFrame == 5)
        #expect(conversation.firstTimestamp == 1000)
        #expect(conversation.lastTimestamp == 1004)
        #expect(conversation.isLoopback)
        #expect(conversation.clientToServer.prefix.text == "alice")
        #expect(conversation.serverToClient.prefix.text == "Hello World\n")
        #expect(!conversation.finSeen)
    }

    @Test func synAckWithoutSYNStillNamesTheServer() throws {
        let conversation = try #require(reassemble(Array(Self.handshake.dropFirst()) + [
            .data("alice", at: Self.clientISN + 1),
        ]).first)
        #expect(conversation.roleSource == .synAck)
        #expect(conversation.client == clientEndpoint)
        #expect(conversation.handshake == Handshake(synFrame: nil, synAckFrame: 1, ackFrame: 2))
        #expect(!conversation.handshake.complete)
        #expect(conversation.clientToServer.prefix.text == "alice")
    }

    @Test func synAckTellsWhereAMissedFirstSegmentWas() throws {
        // SYN and the first 6 data bytes were not captured.
        let conversation = try #require(reassemble(Array(Self.handshake.dropFirst()) + [
            .data("alice", at: Self.clientISN + 7),
        ]).first)
        #expect(conversation.clientToServer.gaps == [Gap(streamOffset: 0, length: 6, beforeFrame: 3, cause: .endOfCapture)])
        #expect(conversation.clientToServer.prefix.text == "alice")
    }

    @Test func withoutHandshakeTheLowerPortIsTheServer() throws {
        // The first packet comes from the server, but its port is lower.
        let conversation = try #require(reassemble([
            .data("Hello World\n", at: 77, from: .server),
            .data("alice", at: 900),
        ]).first)
        #expect(conversation.roleSource == .guessed)
        #expect(conversation.server == serverEndpoint)
        #expect(conversation.clientToServer.prefix.text == "alice")
        #expect(conversation.serverToClient.prefix.text == "Hello World\n")
    }

    @Test func retransmittedSYNStaysInTheConversation() {
        let conversations = reassemble([.syn(at: Self.clientISN), .syn(at: Self.clientISN)] + Self.handshake.dropFirst())
        #expect(conversations.count == 1)
        #expect(conversations.first?.handshake == Handshake(synFrame: 1, synAckFrame: 3, ackFrame: 4))
    }

    @Test func newSYNAfterCloseStartsANewConversation() throws {
        let secondISN: UInt32 = 42
        let conversations = reassemble(Self.handshake + [
            .data("first", at: Self.clientISN + 1),
            .fin(at: Self.clientISN + 6),
            .fin(at: Self.serverISN + 1, from: .server),
            .syn(at: secondISN),
            .synAck(at: 7, acknowledging: secondISN),
            .data("second", at: secondISN + 1),
        ])
        try #require(conversations.count == 2)
        #expect(conversations.map(\.index) == [0, 1])
        #expect(conversations[0].clientToServer.prefix.text == "first")
        #expect(conversations[0].lastFrame == 6)
        #expect(conversations[0].clientToServer.finFrame == 5)
        #expect(conversations[1].clientToServer.prefix.text == "second")
        #expect(conversations[1].firstFrame == 7)
        #expect(conversations[1].handshake == Handshake(synFrame: 7, synAckFrame: 8))
    }

    @Test func conversationsComeInOrderOfFirstPacket() {
        let tracker = ConversationTracker()
        let otherClient = Endpoint(address: .v4(0x7F00_0001), port: 60002)
        feed([.syn(at: 1)], to: tracker, client: otherClient)
        feed([.syn(at: 2)], to: tracker)
        feed([.data("late", at: 2)], to: tracker, client: otherClient)
        let conversations = tracker.finish()
        #expect(conversations.map(\.client) == [otherClient, clientEndpoint])
        #expect(conversations.map(\.index) == [0, 1])
        #expect(conversations[0].clientToServer.prefix.text == "late")
        #expect(tracker.finish().isEmpty, "finish leaves the tracker empty")
    }

    @Test func ipv6EndpointsAndLoopback() throws {
        let client = Endpoint(address: .v6(0, 1), port: 60001)
        let server = Endpoint(address: .v6(0, 1), port: 5000)
        #expect(client.description == "[::1]:60001")
        #expect(clientEndpoint.description == "127.0.0.1:60001")
        let conversation = try #require(reassemble([.syn(at: 5), .data("alice", at: 6)], client: client, server: server).first)
        #expect(conversation.isLoopback)
        #expect(conversation.client == client)

        let remote = Endpoint(address: .v4(0xC0A8_0001), port: 5000)
        let mixed = try #require(reassemble([.syn(at: 5)], server: remote).first)
        #expect(!mixed.isLoopback)
    }
}
