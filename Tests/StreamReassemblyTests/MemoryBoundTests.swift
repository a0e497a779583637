import PacketDecoding
import StreamReassembly
import Testing

/// However much data follows a hole, the held bytes stay within the limits
/// and the hole is reported as a gap.
struct MemoryBoundTests {
    static let isn: UInt32 = 0x7FFF_FFF0

    @Test func holeFollowedByLotsOfDataStaysBounded() throws {
        let limits = ReassemblyLimits(maxBufferedBytes: 4096)
        var script: [ScriptedSegment] = [.syn(at: Self.isn), .data("x", at: Self.isn + 1)]
        // Bytes 1..<1001 never arrive; then 2000 segments of 100 bytes, 200 kB, cross the hole.
        let holeEnd = 1001
        let chunk = [UInt8](repeating: UInt8(ascii: "d"), count: 100)
        for index in 0..<2000 {
            let offset = holeEnd + index * 100
            var payload = chunk
            if index == 1500 {
                payload.replaceSubrange(40..<45, with: Array("alice".utf8))
            }
            script.append(ScriptedSegment(sequence: Self.isn &+ 1 &+ UInt32(offset), flags: [.psh, .ack], payload: payload))
        }
        let stream = try #require(clientStream(reassemble(script, needles: ["alice"], limits: limits)))
        #expect(stream.peakBufferedBytes <= 4096)
        #expect(stream.peakBufferedBytes > 3000, "it did hold data before giving up")
        #expect(stream.gaps == [Gap(streamOffset: 1, length: 1000, beforeFrame: 3, cause: .bufferLimit)])
        #expect(stream.payloadBytes == 1 + 200_000)
        #expect(stream.matches.map(\.streamOffset) == [holeEnd + 1500 * 100 + 40])
        #expect(stream.matches.first?.frames == [1503])
    }

    @Test func tooManyHolesSkipsTheOldest() throws {
        let limits = ReassemblyLimits(maxHoles: 2)
        let first = Self.isn + 1
        let stream = try #require(clientStream(reassemble([
            .syn(at: Self.isn),
            .data("B", at: first + 2), .data("D", at: first + 4), .data("F", at: first + 6),
            .data("a", at: first), .data("c", at: first + 3), .data("e", at: first + 5),
        ], limits: limits)))
        // The third hole (before F) forced skipping the first one (offsets 0 and 1).
        #expect(stream.gaps == [Gap(streamOffset: 0, length: 2, beforeFrame: 2, cause: .bufferLimit)])
        #expect(stream.prefix.text == "BcDeF")
        #expect(stream.retransmittedSegments == 1, "'a' arrived after its bytes were given up")
        #expect(stream.overlaps.isEmpty, "'a' must not be compared with 'B', which sits at another offset")
    }

    @Test func reportListsAreCappedButCounted() throws {
        let limits = ReassemblyLimits(maxHoles: 0, maxReportedEvents: 5)
        var script: [ScriptedSegment] = [.syn(at: Self.isn)]
        for index in 0..<20 {
            // One byte of every two arrives: each missing byte is a gap.
            script.append(.data("z", at: Self.isn + 2 + UInt32(index * 2)))
        }
        let stream = try #require(clientStream(reassemble(script, limits: limits)))
        #expect(stream.gaps.count == 5)
        #expect(stream.gapCount == 20)
        #expect(stream.gapBytes == 20)
        #expect(stream.peakBufferedBytes == 0)
    }

    @Test func segmentLimitBoundsTinySegments() throws {
        let limits = ReassemblyLimits(maxHoles: 100, maxBufferedSegments: 10)
        var script: [ScriptedSegment] = [.syn(at: Self.isn)]
        for index in 0..<50 {
            script.append(.data("q", at: Self.isn + 5 + UInt32(index)))
        }
        let stream = try #require(clientStream(reassemble(script, limits: limits)))
        #expect(stream.peakBufferedBytes <= 10)
        #expect(stream.gaps == [Gap(streamOffset: 0, length: 4, beforeFrame: 2, cause: .bufferLimit)])
        #expect(stream.payloadBytes == 50)
    }
}
