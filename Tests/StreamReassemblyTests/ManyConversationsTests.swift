import PacketDecoding
import StreamReassembly
import Testing

/// Thousands of interleaved conversations: every segment must find its own
/// conversation again after the endpoint table has grown many times over.
struct ManyConversationsTests {
    /// IPv6 clients whose addresses the tracker's former one-word key fold
    /// mapped to one value (high ^ low * K is the same for all of them).
    static func collidingIPv6Client(_ index: Int) -> Endpoint {
        let low = UInt64(index)
        let high = 0x2001_0DB8_0000_0000 ^ (low &* 0xC2B2_AE3D_27D4_EB4F) ^ 0xC2B2_AE3D_27D4_EB4F
        return Endpoint(address: .v6(high, low), port: 40000)
    }

    static func ipv4Client(_ index: Int) -> Endpoint {
        Endpoint(address: .v4(0x7F00_0001), port: UInt16(10000 + index))
    }

    @Test(arguments: [
        ("IPv4 clients on many ports", ipv4Client as @Sendable (Int) -> Endpoint),
        ("IPv6 clients that collided under the old key fold", collidingIPv6Client),
    ])
    func everySegmentFindsItsConversation(_ label: String, _ client: @Sendable (Int) -> Endpoint) throws {
        let flows = 3000
        let server = Endpoint(address: client(0).address, port: 5000)
        let tracker = ConversationTracker(needles: ["flow 2999 second".utf8].map(Array.init))
        // Round one opens every flow and sends its first words; round two,
        // after the table has grown, continues each flow where it left off.
        for round in 0..<2 {
            for flow in 0..<flows {
                let isn = UInt32(flow) &* 7919
                let words = round == 0 ? "flow \(flow) " : "second"
                let sequence = round == 0 ? isn : isn &+ UInt32("flow \(flow) ".utf8.count)
                var script: [ScriptedSegment] = []
                if round == 0 { script.append(.syn(at: isn &- 1)) }
                script.append(.data(words, at: sequence))
                feed(script, to: tracker, client: client(flow), server: server)
            }
        }
        let conversations = tracker.finish()
        try #require(conversations.count == flows, "\(label)")
        for (flow, conversation) in conversations.enumerated() {
            #expect(conversation.client == client(flow))
            #expect(conversation.clientToServer.prefix.text == "flow \(flow) second")
            #expect(conversation.clientToServer.gapCount == 0)
        }
        #expect(conversations[flows - 1].clientToServer.matchCount == 1)
        #expect(conversations.dropLast().allSatisfy { $0.clientToServer.matchCount == 0 })
    }

    /// Past `maxConversations`, a new conversation's segments are counted and
    /// dropped, while the conversations already followed go on.
    @Test func conversationsBeyondTheLimitAreCountedNotFollowed() throws {
        let tracker = ConversationTracker(needles: [Array("alice".utf8)], limits: ReassemblyLimits(maxConversations: 3))
        let server = Endpoint(address: .v4(0x7F00_0001), port: 5000)
        for flow in 0..<5 {
            feed([.syn(at: 100), .data("alice", at: 101)], to: tracker, client: Self.ipv4Client(flow), server: server)
        }
        // The first conversation goes on after the limit was reached.
        feed([.data(" again", at: 106)], to: tracker, client: Self.ipv4Client(0), server: server)
        #expect(tracker.untrackedSegments == 4)
        let conversations = tracker.finish()
        #expect(conversations.map(\.client) == (0..<3).map(Self.ipv4Client))
        #expect(conversations[0].clientToServer.prefix.text == "alice again")
        #expect(conversations.allSatisfy { $0.clientToServer.matchCount == 1 })
    }

    /// Every endpoint pair of thousands opens a second conversation with a
    /// new SYN, interleaved with the others: the table's small cache of the
    /// conversations looked up last (many pairs share each of its entries)
    /// must answer with the new conversation, never the one it superseded.
    @Test func supersededConversationsAreNotFoundAgain() throws {
        let flows = 3000
        let server = Endpoint(address: .v4(0x7F00_0001), port: 5000)
        let tracker = ConversationTracker()
        for round in 0..<2 {
            for flow in 0..<flows {
                let isn = UInt32(flow) &* 7919 &+ UInt32(round) &* 1_000_000
                feed([.syn(at: isn), .data("first \(round)", at: isn &+ 1)], to: tracker, client: Self.ipv4Client(flow), server: server)
            }
            for flow in 0..<flows {
                let isn = UInt32(flow) &* 7919 &+ UInt32(round) &* 1_000_000
                feed([.data(" then", at: isn &+ 8)], to: tracker, client: Self.ipv4Client(flow), server: server)
            }
        }
        let conversations = tracker.finish()
        try #require(conversations.count == 2 * flows)
        for (index, conversation) in conversations.enumerated() {
            #expect(conversation.clientToServer.prefix.text == "first \(index / flows) then")
        }
    }

    @Test func newSYNOnTheSameEndpointsStartsAnotherConversation() {
        let tracker = ConversationTracker()
        for isn: UInt32 in [1000, 900_000] {
            feed([.syn(at: isn), .data("x", at: isn + 1)], to: tracker)
        }
        let conversations = tracker.finish()
        #expect(conversations.count == 2)
        #expect(conversations.map(\.clientToServer.payloadBytes) == [1, 1])
    }
}
