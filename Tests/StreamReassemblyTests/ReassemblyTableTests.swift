import PacketDecoding
import StreamReassembly
import Testing

/// Input segments and the stream they must give, in the style of gopacket's assembly_test.go.
struct ReassemblyTableTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var segments: [ScriptedSegment]
        var stream: String
        var gaps: [Gap] = []
        var overlaps: [Overlap] = []
        var retransmittedSegments = 0
        var keepAliveSegments = 0
        var testDescription: String { name }
    }

    static let isn: UInt32 = 1_000_000
    static let first = isn + 1

    static let cases: [Case] = [
        Case(name: "in order",
             segments: [.syn(at: isn), .data("hel", at: first), .data("lo", at: first + 3)],
             stream: "hello"),
        Case(name: "out of order",
             segments: [.syn(at: isn), .data("lo", at: first + 3), .data("wor", at: first + 5), .data("hel", at: first)],
             stream: "hellowor"),
        Case(name: "identical retransmission is counted, not reported",
             segments: [.syn(at: isn), .data("hel", at: first), .data("hel", at: first), .data("lo", at: first + 3)],
             stream: "hello", retransmittedSegments: 1),
        Case(name: "repacketized retransmission delivers only the new bytes",
             segments: [.syn(at: isn), .data("hel", at: first), .data("ello", at: first + 1)],
             stream: "hello", retransmittedSegments: 1),
        Case(name: "inconsistent retransmission is reported, first bytes kept",
             segments: [.syn(at: isn), .data("hello", at: first), .data("jelly", at: first)],
             stream: "hello",
             overlaps: [Overlap(streamOffset: 0, length: 5, frame: 3, originalFrame: nil,
                                original: Array("hello".utf8), retransmitted: Array("jelly".utf8))],
             retransmittedSegments: 1),
        Case(name: "inconsistent overlap with held out-of-order data",
             segments: [.syn(at: isn), .data("world", at: first + 5), .data("wOrld!", at: first + 5), .data("hello", at: first)],
             stream: "helloworld!",
             overlaps: [Overlap(streamOffset: 6, length: 1, frame: 3, originalFrame: 2,
                                original: Array("o".utf8), retransmitted: Array("O".utf8))],
             retransmittedSegments: 1),
        Case(name: "hole reported at end of capture",
             segments: [.syn(at: isn), .data("hel", at: first), .data("world", at: first + 9)],
             stream: "helworld",
             gaps: [Gap(streamOffset: 3, length: 6, beforeFrame: 3, cause: .endOfCapture)]),
        Case(name: "missing bytes before the FIN",
             segments: [.syn(at: isn), .data("abc", at: first), .fin(at: first + 10)],
             stream: "abc",
             gaps: [Gap(streamOffset: 3, length: 7, beforeFrame: 3, cause: .beforeFIN)]),
        Case(name: "sequence wrap-around",
             segments: [.syn(at: 0xFFFF_FFFC), .data("ab", at: 0xFFFF_FFFD), .data("ef", at: 1),
                        .data("cd", at: 0xFFFF_FFFF), .data("gh", at: 3)],
             stream: "abcdefgh"),
        Case(name: "missing SYN starts at the first data",
             segments: [.data("hi ", at: 0xFFFF_FFFE), .data("there", at: 1)],
             stream: "hi there"),
        Case(name: "data before the first seen segment is old",
             segments: [.data("there", at: 5000), .data("hi there", at: 4997)],
             stream: "there", retransmittedSegments: 1),
        Case(name: "keep-alive probe is not compared",
             segments: [.syn(at: isn), .data("hello", at: first), .data("\0", at: first + 4)],
             stream: "hello", keepAliveSegments: 1),
        Case(name: "data after FIN and RST is still reassembled",
             segments: [.syn(at: isn), .data("abc", at: first), .fin(at: first + 3),
                        ScriptedSegment(sequence: first + 3, flags: .rst, payload: Array("reset text".utf8)),
                        .data("def", at: first + 3)],
             stream: "abcdef"),
    ]

    @Test(arguments: cases)
    func reassembles(_ testCase: Case) throws {
        let stream = try #require(clientStream(reassemble(testCase.segments)))
        #expect(stream.prefix.text == testCase.stream)
        #expect(stream.payloadBytes == testCase.stream.utf8.count)
        #expect(stream.gaps == testCase.gaps)
        #expect(stream.gapCount == testCase.gaps.count)
        #expect(stream.overlaps == testCase.overlaps)
        #expect(stream.retransmittedSegments == testCase.retransmittedSegments)
        #expect(stream.keepAliveSegments == testCase.keepAliveSegments)
    }

    @Test func outOfOrderDataIsHeldThenReleased() throws {
        let stream = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), .data("lo", at: Self.first + 3), .data("hel", at: Self.first)])))
        #expect(stream.peakBufferedBytes == 2)
        #expect(stream.segments == 3)
        #expect(stream.payloadSegments == 2)
        #expect(stream.firstPayloadFrame == 2)
        #expect(stream.lastPayloadFrame == 3)
    }

    @Test func finAndResetAreRecordedPerDirection() throws {
        let conversations = reassemble([
            .syn(at: Self.isn), .data("abc", at: Self.first), .fin(at: Self.first + 3),
            ScriptedSegment(side: .server, sequence: 7, flags: .rst),
        ])
        let conversation = try #require(conversations.first)
        #expect(conversation.clientToServer.finFrame == 3)
        #expect(conversation.clientToServer.resetFrame == nil)
        #expect(conversation.serverToClient.resetFrame == 4)
        #expect(conversation.finSeen)
        #expect(conversation.resetSeen)
        #expect(conversation.clientToServer.gaps.isEmpty, "the FIN came right after the data")
    }
}
