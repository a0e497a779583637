import PacketDecoding
import StreamReassembly
import Testing

/// Comparisons and excerpts read from a bounded ring of recent bytes; these
/// cases make the ring wrap around.
struct RetainedBytesTests {
    static let isn: UInt32 = 0xFFFF_FFF0
    static let stream = Array("abcdefghijklmnopqrst".utf8)

    /// The 20-byte stream in 3-byte segments (frames 2...8) after a SYN.
    static func script(adding extra: [ScriptedSegment]) -> [ScriptedSegment] {
        var script: [ScriptedSegment] = [.syn(at: isn)]
        for start in stride(from: 0, to: stream.count, by: 3) {
            let chunk = Array(stream[start..<min(start + 3, stream.count)])
            script.append(ScriptedSegment(sequence: isn &+ 1 &+ UInt32(start), flags: [.psh, .ack], payload: chunk))
        }
        return script + extra
    }

    @Test func recentBytesAreComparedAfterTheRingWraps() throws {
        let limits = ReassemblyLimits(prefixBytes: 0, retainedBytes: 8)
        let result = try #require(clientStream(reassemble(
            Self.script(adding: [.data("oXqr", at: Self.isn &+ 1 &+ 14)]), limits: limits)))
        #expect(result.overlaps == [Overlap(streamOffset: 15, length: 1, frame: 9, originalFrame: nil,
                                            original: Array("p".utf8), retransmitted: Array("X".utf8))])
    }

    /// The ring holds offsets 12...19 with its end at offset 16, so these
    /// resends of offsets 14...17 are compared in two runs of memory: the
    /// unchanged one is only counted, the one changed past the end is reported.
    @Test(arguments: [("opqr", nil), ("opqX", 17)] as [(String, Int?)])
    func resendAcrossTheRingsEndIsComparedInBothRuns(_ resent: String, differingAt: Int?) throws {
        let limits = ReassemblyLimits(prefixBytes: 0, retainedBytes: 8)
        let result = try #require(clientStream(reassemble(
            Self.script(adding: [.data(resent, at: Self.isn &+ 1 &+ 14)]), limits: limits)))
        #expect(result.overlaps.map(\.streamOffset) == (differingAt.map { [$0] } ?? []))
        #expect(result.retransmittedSegments == 1)
    }

    @Test func olderBytesAreComparedWithThePrefix() throws {
        let limits = ReassemblyLimits(prefixBytes: 6, retainedBytes: 8)
        let result = try #require(clientStream(reassemble(
            Self.script(adding: [.data("cDe", at: Self.isn &+ 1 &+ 2)]), limits: limits)))
        #expect(result.overlaps.map(\.streamOffset) == [3])
        #expect(result.prefix.text == "abcdef")
    }

    @Test func bytesNoLongerHeldAreOnlyCounted() throws {
        let limits = ReassemblyLimits(prefixBytes: 0, retainedBytes: 8)
        let result = try #require(clientStream(reassemble(
            Self.script(adding: [.data("cDe", at: Self.isn &+ 1 &+ 2)]), limits: limits)))
        #expect(result.overlaps.isEmpty)
        #expect(result.retransmittedSegments == 1)
    }

    /// A 10 kB segment is scanned in 4 kB pieces; a needle across a piece
    /// boundary still gets its full excerpt from the ring.
    @Test(arguments: [0, 4094, 4091, 8190, 9995])
    func needleInALargeSegment(at offset: Int) throws {
        var payload = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000)
        payload.replaceSubrange(offset..<(offset + 5), with: Array("alice".utf8))
        let limits = ReassemblyLimits(retainedBytes: 0)
        let result = try #require(clientStream(reassemble(
            [.syn(at: Self.isn), ScriptedSegment(sequence: Self.isn &+ 1, flags: .ack, payload: payload)],
            needles: ["alice"], limits: limits)))
        let match = try #require(result.matches.first)
        #expect(result.matchCount == 1)
        #expect(match.streamOffset == offset)
        #expect(match.frames == [2])
        let excerptRange = max(0, offset - 32)..<min(payload.count, offset + 5 + 32)
        #expect(match.excerptOffset == excerptRange.lowerBound)
        #expect(match.excerpt == Array(payload[excerptRange]))
    }
}
