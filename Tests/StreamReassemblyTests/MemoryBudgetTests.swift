import PacketDecoding
import Testing
@testable import StreamReassembly

/// Thousands of conversations that never close (a capture left running for
/// hours) stay within the tracker-wide budget: the quietest ones give up
/// what they hold, and nothing they carried is lost from the report.
struct MemoryBudgetTests {
    static let isn: UInt32 = 0xFFFF_FF00
    static let limits = ReassemblyLimits(retainedBytes: 4096, maxHeldBytes: 64 << 10)

    /// Conversation `index`: a SYN, 2 kB of data, and a segment past a 100-byte hole, never closed.
    /// Its frames are numbered after those of the conversations before it.
    static func openConversation(_ index: Int, to tracker: ConversationTracker) {
        let client = Endpoint(address: .v4(0x7F00_0001), port: UInt16(20000 + index))
        let data = String(repeating: "d", count: 1000)
        let frame = 10 + index * 4
        feed([
            ScriptedSegment(sequence: isn, flags: .syn, frame: frame),
            .data(data, at: isn &+ 1, frame: frame + 1),
            .data(data, at: isn &+ 1001, frame: frame + 2),
            .data("after the hole", at: isn &+ 2101, frame: frame + 3),
        ], to: tracker, client: client)
    }

    @Test func neverClosedConversationsStayWithinTheBudget() {
        let tracker = ConversationTracker(needles: [Array("alice".utf8)], limits: Self.limits)
        var peak = 0
        for index in 0..<2000 {
            Self.openConversation(index, to: tracker)
            peak = max(peak, tracker.heldBytes)
            #expect(tracker.heldBytes == tracker.measuredHeldBytes)
        }
        #expect(peak <= Self.limits.maxHeldBytes)
        #expect(peak > Self.limits.maxHeldBytes / 2, "the budget was used before anything was given up")
        #expect(tracker.memoryReleases > 0)

        let conversations = tracker.finish()
        #expect(conversations.count == 2000)
        // Every conversation still reports all it carried, and its hole.
        for conversation in conversations {
            let stream = conversation.clientToServer
            #expect(stream.payloadBytes == 2000 + "after the hole".utf8.count)
            #expect(stream.gapCount == 1)
            #expect(stream.gaps.first?.length == 100)
        }
        // The early ones gave up their waiting data to the budget, the last ones at the end of the capture.
        #expect(conversations.first?.clientToServer.gaps.first?.cause == .memoryLimit)
        #expect(conversations.last?.clientToServer.gaps.first?.cause == .endOfCapture)
    }

    @Test func usernameAfterTheReleaseIsStillFound() {
        let tracker = ConversationTracker(needles: [Array("alice".utf8)], limits: Self.limits)
        let quiet = Endpoint(address: .v4(0x7F00_0001), port: 40000)
        feed([.syn(at: Self.isn), .data("hello al", at: Self.isn &+ 1)], to: tracker, client: quiet)
        for index in 0..<200 {
            Self.openConversation(index, to: tracker)
        }
        #expect(tracker.memoryReleases > 0)
        // The quiet conversation, the first to give up its bytes, wakes up and finishes the name it started.
        feed([.data("ice\n", at: Self.isn &+ 9, frame: 100_000)], to: tracker, client: quiet)
        let conversation = tracker.finish()[0]
        #expect(conversation.clientToServer.matchCount == 1)
        #expect(conversation.clientToServer.matches.first?.streamOffset == 6)
        #expect(conversation.clientToServer.matches.first?.frames == [2, 100_000])
        // Its excerpt starts where the released bytes end: proof that they were released.
        #expect(conversation.clientToServer.matches.first?.excerptOffset == 8)
    }
}
