import PacketDecoding
import StreamReassembly
import Testing

/// Decoder and tracker together on a real capture, as the grading pipeline uses them.
struct CapturedConversationTests {
    @Test func findsAliceInTheCapturedConversation() throws {
        let linkType = try #require(LinkType(dlt: CapturedConversation.linkTypeDLT))
        let tracker = ConversationTracker(needles: [Array("alice".utf8)])
        for (index, frame) in CapturedConversation.frames.enumerated() {
            frame.bytes.withUnsafeBytes { bytes in
                guard case let .tcp(segment) = decodeFrame(bytes, linkType: linkType, originalLength: bytes.count) else {
                    Issue.record("frame \(index + 1) is not TCP")
                    return
                }
                tracker.add(segment, frame: index + 1, timestamp: frame.timestamp)
            }
        }
        let conversations = tracker.finish()
        let conversation = try #require(conversations.first)
        #expect(conversations.count == 1)
        #expect(conversation.client.description == "127.0.0.1:60001")
        #expect(conversation.server.description == "127.0.0.1:5000")
        #expect(conversation.roleSource == .syn)
        #expect(conversation.handshake == Handshake(synFrame: 1, synAckFrame: 2, ackFrame: 3))
        #expect(conversation.firstFrame == 1)
        #expect(conversation.lastFrame == 10)
        #expect(conversation.lastTimestamp > conversation.firstTimestamp)

        let sent = conversation.clientToServer
        #expect(sent.prefix.text == "alice")
        #expect(sent.matches == [Match(needleIndex: 0, streamOffset: 0, frames: [4], excerpt: Array("alice".utf8), excerptOffset: 0)])
        #expect(sent.segments == 5)
        #expect(sent.finFrame == 9)
        #expect(sent.gaps.isEmpty)
        #expect(sent.retransmittedSegments == 0)

        let received = conversation.serverToClient
        #expect(received.prefix.text == "Hello World\n")
        #expect(received.matches.isEmpty)
        #expect(received.finFrame == 8)
        #expect(!conversation.resetSeen)
    }
}
