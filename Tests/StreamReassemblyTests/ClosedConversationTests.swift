import PacketDecoding
import StreamReassembly
import Testing

/// A conversation whose both directions are complete is closed (its
/// reassemblers freed) and reopened by any later segment: what comes after
/// both FINs must be handled as if it had never been closed.
struct ClosedConversationTests {
    /// SYN, SYN-ACK, ACK, "hello alice", "hi", both FINs (the conversation
    /// closes at frame 7), then the last ACK and the `after` segments.
    static func script(after: [ScriptedSegment]) -> [ScriptedSegment] {
        [
            .syn(at: 100),
            .synAck(at: 500, acknowledging: 100),
            ScriptedSegment(sequence: 101, acknowledgment: 501),
            .data("hello alice", at: 101),
            .data("hi", at: 501, from: .server),
            .fin(at: 112),
            .fin(at: 503, from: .server),
            ScriptedSegment(sequence: 113, acknowledgment: 504),
        ] + after
    }

    @Test func theLastAckIsCountedOnTheClosedConversation() throws {
        let conversations = reassemble(Self.script(after: []), needles: ["alice"])
        let conversation = try #require(conversations.first)
        #expect(conversations.count == 1)
        #expect(conversation.lastFrame == 8)
        #expect(conversation.handshake.complete)
        #expect(conversation.clientToServer.segments == 5)
        #expect(conversation.serverToClient.segments == 3)
        #expect(conversation.clientToServer.matches.map(\.frames) == [[4]])
        #expect(conversation.clientToServer.finFrame == 6)
        #expect(conversation.serverToClient.finFrame == 7)
    }

    /// A resend that differs is still compared with the kept prefix, a resent
    /// FIN is counted, and bytes sent past the FIN are still delivered and searched.
    @Test func laterSegmentsReopenItAsItWas() throws {
        let conversations = reassemble(Self.script(after: [
            .data("hXllo", at: 101),
            .fin(at: 112),
            .data("bob", at: 112),
        ]), needles: ["alice", "bob"])
        let conversation = try #require(conversations.first)
        #expect(conversations.count == 1)
        let sent = conversation.clientToServer
        #expect(sent.segments == 8)
        #expect(sent.retransmittedSegments == 1)
        #expect(sent.overlaps == [Overlap(streamOffset: 1, length: 1, frame: 9, originalFrame: nil,
                                          original: Array("e".utf8), retransmitted: Array("X".utf8))])
        #expect(sent.payloadBytes == 14)
        #expect(sent.prefix.text == "hello alicebob")
        #expect(sent.matchCount == 2)
        #expect(sent.matches.map(\.needleIndex) == [0, 1])
        #expect(sent.matches.map(\.frames) == [[4], [11]])
        #expect(conversation.lastFrame == 11)
        #expect(conversation.serverToClient.payloadBytes == 2)
    }

    /// A new SYN from the same port after the close starts a second conversation.
    @Test func aNewSynAfterTheCloseStartsAnotherConversation() throws {
        let conversations = reassemble(Self.script(after: [.syn(at: 9000), .data("alice", at: 9001)]), needles: ["alice"])
        #expect(conversations.count == 2)
        #expect(conversations.map(\.index) == [0, 1])
        #expect(conversations.map(\.clientToServer.matchCount) == [1, 1])
        #expect(conversations.last?.clientToServer.payloadBytes == 5)
    }
}
