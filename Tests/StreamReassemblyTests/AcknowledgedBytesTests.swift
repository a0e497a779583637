import PacketDecoding
import Testing
@testable import StreamReassembly

/// The ring of delivered bytes follows the receiver's ACKs, as Zeek trims its
/// buffers: acknowledged bytes are no longer compared, yet excerpts keep their
/// context and a long, promptly acknowledged stream keeps a small ring.
struct AcknowledgedBytesTests {
    static let clientISN: UInt32 = 0xFFFF_FFF0
    static let serverISN: UInt32 = 0x1000

    static let handshake: [ScriptedSegment] = [
        .syn(at: clientISN),
        .synAck(at: serverISN, acknowledging: clientISN),
        ScriptedSegment(sequence: clientISN &+ 1, acknowledgment: serverISN + 1, flags: .ack),
    ]

    /// The server acknowledging every client byte before stream offset `offset`.
    static func serverAcknowledges(_ offset: Int) -> ScriptedSegment {
        ScriptedSegment(side: .server, sequence: serverISN + 1, acknowledgment: clientISN &+ 1 &+ UInt32(offset), flags: .ack)
    }

    @Test func retransmissionOfUnacknowledgedBytesIsCompared() throws {
        let result = try #require(clientStream(reassemble(Self.handshake + [
            .data("hello world", at: Self.clientISN &+ 1),
            Self.serverAcknowledges(6),
            .data("wXrld", at: Self.clientISN &+ 1 &+ 6),
        ], limits: ReassemblyLimits(prefixBytes: 0))))
        #expect(result.overlaps.map(\.streamOffset) == [7])
        #expect(result.retransmittedSegments == 1)
    }

    @Test func retransmissionOfAcknowledgedBytesIsCountedNotCompared() throws {
        let result = try #require(clientStream(reassemble(Self.handshake + [
            .data("hello world", at: Self.clientISN &+ 1),
            Self.serverAcknowledges(11),
            .data("hXllo", at: Self.clientISN &+ 1),
        ], limits: ReassemblyLimits(prefixBytes: 0))))
        #expect(result.overlaps.isEmpty)
        #expect(result.retransmittedSegments == 1)
        #expect(result.payloadBytes == 11)
    }

    /// The first half of the username is acknowledged before the second half
    /// arrives; the match's excerpt still reaches back over both halves and
    /// its context.
    @Test func excerptReachesBackIntoAcknowledgedBytes() throws {
        let before = String(repeating: "p", count: 40)
        let result = try #require(clientStream(reassemble(Self.handshake + [
            .data(before + "ali", at: Self.clientISN &+ 1),
            Self.serverAcknowledges(43),
            .data("ce" + String(repeating: "q", count: 40), at: Self.clientISN &+ 1 &+ 43),
        ], needles: ["alice"])))
        let match = try #require(result.matches.first)
        #expect(match.streamOffset == 40)
        #expect(match.frames == [4, 6])
        #expect(match.excerptOffset == 8)
        #expect(match.excerpt.text == String(repeating: "p", count: 32) + "alice" + String(repeating: "q", count: 32))
    }

    /// 2 MB in 1000-byte segments, each acknowledged: the ring is rewound to
    /// the front after every ACK, so its storage stays a few segments long
    /// instead of `retainedBytes`.
    @Test func promptlyAcknowledgedStreamKeepsASmallRing() throws {
        let tracker = ConversationTracker(needles: [Array("alice".utf8)])
        feed(Self.handshake, to: tracker)
        let segment = String(repeating: "z", count: 1000)
        var peak = 0
        for index in 0..<2000 {
            feed([.data(segment, at: Self.clientISN &+ 1 &+ UInt32(index * 1000)),
                  Self.serverAcknowledges((index + 1) * 1000)], to: tracker)
            peak = max(peak, tracker.heldBytes)
        }
        #expect(peak <= 2 * 1024, "held \(peak) bytes")
        let result = try #require(clientStream(tracker.finish()))
        #expect(result.payloadBytes == 2_000_000)
        #expect(result.gapCount == 0)
    }

    /// RecentBytes against a model that keeps every byte: after any mix of
    /// appends (small, large, wrapping) and trims, it holds exactly the bytes
    /// from its start offset to its end, and at least the ones it must keep.
    @Test(arguments: [1, 2, 3, 4])
    func ringMatchesAModelOfTheWholeStream(seed: UInt64) {
        var random = SplitMix(seed: seed)
        var ring = RecentBytes(capacity: 700)
        var model: [UInt8] = []
        for step in 0..<3000 {
            if random.next() % 3 == 0, !model.isEmpty {
                let acknowledged = Int(random.next() % UInt64(model.count + 1))
                let startBefore = ring.startOffset
                ring.trim(before: acknowledged, keeping: 37)
                #expect(ring.startOffset == max(startBefore, min(acknowledged, model.count - 37)))
            } else {
                let length = Int(random.next() % (random.next() % 8 == 0 ? 1500 : 200)) + 1
                let bytes = (0..<length).map { UInt8(truncatingIfNeeded: step &+ $0 &* 7) }
                model += bytes
                bytes.withUnsafeBytes { ring.append($0) }
            }
            #expect(ring.endOffset == model.count)
            #expect(ring.startOffset >= max(0, model.count - 700))
            #expect(ring.bytes(in: 0..<model.count) == Array(model[ring.startOffset...]))
            #expect(ring.heldBytes <= 700)
        }
    }
}

/// A small deterministic generator, so a failing case can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
