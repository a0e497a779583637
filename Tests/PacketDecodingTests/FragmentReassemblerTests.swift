import Testing
@testable import PacketDecoding

/// Issue 14.3: fragmented datagrams are put back together within limits,
/// and overlapping fragments are reported, as the stream reassembly reports
/// overlaps (the first bytes kept).
@Suite struct FragmentReassemblerTests {
    /// The "alice" TCP segment with 59 more payload bytes: 96 bytes of TCP in all.
    static let payload = alice + Array(" sends her username in three IPv4 or IPv6 fragments today".utf8)
    static let tcp: [UInt8] = {
        var segment = Array(Fixtures.ipv4Alice[20...].prefix(32)) + payload
        return segment
    }()

    /// IPv4 fragments of `tcp` cut at the given 8-byte-aligned offsets.
    static func ipv4Fragments(_ cuts: [Int], of bytes: [UInt8] = tcp, identification: UInt16 = 0x1234) -> [[UInt8]] {
        let bounds = [0] + cuts + [bytes.count]
        return zip(bounds, bounds.dropFirst()).map { start, end in
            let more: UInt16 = end < bytes.count ? 0x2000 : 0
            return TunnelFrames.ipv4(
                carrying: 6, Array(bytes[start..<end]), identification: identification, flagsAndOffset: more | UInt16(start / 8))
        }
    }

    /// IPv6 fragments of `tcp`: a Fragment header (identification 0xCAFE) in each.
    static func ipv6Fragments(_ cuts: [Int]) -> [[UInt8]] {
        let bounds = [0] + cuts + [tcp.count]
        return zip(bounds, bounds.dropFirst()).map { start, end in
            let field = UInt16(start / 8) << 3 | (end < tcp.count ? 1 : 0)
            let header: [UInt8] = [6, 0, UInt8(field >> 8), UInt8(field & 0xFF), 0, 0, 0xCA, 0xFE]
            return TunnelFrames.ipv6(carrying: 44, header + Array(tcp[start..<end]))
        }
    }

    /// Feeds the packets (RAW link type) in order; returns what completed and the decoded TCP.
    static func reassemble(
        _ packets: [[UInt8]], with reassembler: FragmentReassembler = FragmentReassembler(), secondsApart: Double = 1
    ) -> (datagrams: [FragmentReassembler.Datagram], segments: [SegmentFields]) {
        var datagrams: [FragmentReassembler.Datagram] = []
        var segments: [SegmentFields] = []
        for (index, packet) in packets.enumerated() {
            packet.withUnsafeBytes { buffer in
                guard case .fragment(let fragment) = decodeFrame(buffer, linkType: .raw) else {
                    Issue.record("packet \(index) is not a fragment")
                    return
                }
                guard let datagram = reassembler.add(fragment, frame: index + 1, timestamp: Double(index) * secondsApart) else { return }
                datagrams.append(datagram)
                datagram.payload.withUnsafeBytes { payload in
                    if case .tcp(let segment) = decodeDatagram(payload, protocolNumber: datagram.protocolNumber, key: datagram.key) {
                        segments.append(SegmentFields(
                            source: segment.source, destination: segment.destination, sourcePort: segment.sourcePort,
                            destinationPort: segment.destinationPort, sequenceNumber: segment.sequenceNumber,
                            acknowledgmentNumber: segment.acknowledgmentNumber, flags: segment.flags, window: segment.window,
                            ipVersion: segment.ipVersion, headerLength: segment.headerLength, payload: Array(segment.payload),
                            payloadTruncated: segment.payloadTruncated))
                    }
                }
            }
        }
        return (datagrams, segments)
    }

    static let orders: [[Int]] = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]]

    @Test(arguments: orders)
    func ipv4FragmentsInAnyOrderGiveTheSegment(order: [Int]) throws {
        let fragments = Self.ipv4Fragments([24, 64])
        let reassembler = FragmentReassembler()
        let result = Self.reassemble(order.map { fragments[$0] }, with: reassembler)
        #expect(result.datagrams.map(\.payload) == [Self.tcp])
        let segment = try #require(result.segments.first)
        #expect(segment.payload == Self.payload)
        #expect(segment.source == .v4(0xC000_0201) && segment.destination == .v4(0xC633_6402))
        #expect(segment.sequenceNumber == Fixtures.aliceIPv4Fields.sequenceNumber)
        #expect(!segment.payloadTruncated)
        #expect(reassembler.statistics.fragments == 3 && reassembler.statistics.reassembled == 1)
        #expect(reassembler.statistics.identicalOverlaps == 0 && reassembler.statistics.differingOverlaps == 0)
        reassembler.finish()
        #expect(reassembler.statistics.givenUp.isEmpty)
    }

    @Test(arguments: orders)
    func ipv6FragmentsInAnyOrderGiveTheSegment(order: [Int]) throws {
        let fragments = Self.ipv6Fragments([16, 72])
        let result = Self.reassemble(order.map { fragments[$0] })
        let segment = try #require(result.segments.first)
        #expect(result.segments.count == 1)
        #expect(segment.payload == Self.payload)
        #expect(segment.ipVersion == 6)
        #expect(result.datagrams.first?.key.identification == 0xCAFE)
    }

    @Test func repeatedFragmentIsCountedNotReported() {
        let fragments = Self.ipv4Fragments([24, 64])
        let reassembler = FragmentReassembler()
        let result = Self.reassemble([fragments[0], fragments[0], fragments[1], fragments[2]], with: reassembler)
        #expect(result.datagrams.map(\.payload) == [Self.tcp])
        #expect(reassembler.statistics.identicalOverlaps == 1)
        #expect(reassembler.statistics.overlaps.isEmpty)
    }

    /// A later fragment rewrites bytes 24..<32 of the datagram: the first
    /// bytes stay, and the overlap says where, how long, and both versions.
    @Test func differingOverlapKeepsTheFirstBytesAndIsReported() throws {
        let fragments = Self.ipv4Fragments([24, 64])
        var forged = Self.tcp
        for offset in 40..<44 { forged[offset] = UInt8(ascii: "X") }
        let overlapping = Self.ipv4Fragments([32, 64], of: forged)[1]  // bytes 32..<64, of which 40..<44 differ
        let reassembler = FragmentReassembler()
        let result = Self.reassemble([fragments[0], fragments[1], overlapping, fragments[2]], with: reassembler)
        #expect(result.datagrams.map(\.payload) == [Self.tcp])
        #expect(reassembler.statistics.differingOverlaps == 1)
        let overlap = try #require(reassembler.statistics.overlaps.first)
        #expect(overlap.offset == 40 && overlap.length == 4 && overlap.frame == 3)
        #expect(overlap.kept == Array(Self.tcp[40..<44]))
        #expect(overlap.discarded == Array("XXXX".utf8))
        #expect(overlap.description == "frame 3: IPv4 fragment of 192.0.2.1 → 198.51.100.2 id 0x1234 differs from the fragment before it in 4 bytes at offset 40")
        #expect(reassembler.statistics.descriptions.last == "1 fragment overlapped earlier ones with different bytes (the first bytes were kept)")
    }

    @Test func tooManyHolesGivesTheDatagramUp() {
        // Every other 8-byte piece of a 1,024-byte datagram: 64 disjoint pieces.
        let bytes = [UInt8](repeating: 0x61, count: 1024)
        let pieces = Self.ipv4Fragments(Array(stride(from: 8, to: 1024, by: 8)), of: bytes)
        let reassembler = FragmentReassembler(limits: FragmentLimits(maximumPieces: 8))
        let result = Self.reassemble(stride(from: 0, to: pieces.count, by: 2).map { pieces[$0] }, with: reassembler, secondsApart: 0.01)
        #expect(result.datagrams.isEmpty)
        #expect(reassembler.statistics.givenUp[.tooManyPieces] == 1)
    }

    @Test func memoryLimitGivesUpTheOldestDatagram() {
        let bytes = [UInt8](repeating: 0x62, count: 600)
        let first = Self.ipv4Fragments([304], of: bytes, identification: 1)
        let second = Self.ipv4Fragments([304], of: bytes, identification: 2)
        let reassembler = FragmentReassembler(limits: FragmentLimits(maximumBufferedBytes: 600))
        // The first halves of both: the second's 304 bytes push the first's
        // out, and the first's second half is then dropped, not begun afresh.
        let result = Self.reassemble([first[0], second[0], first[1], second[1]], with: reassembler)
        #expect(result.datagrams.map(\.key.identification) == [2])
        #expect(reassembler.statistics.givenUp[.memory] == 1)
        reassembler.finish()
        #expect(reassembler.statistics.givenUp[.incompleteAtEnd] == nil)
    }

    @Test func fragmentPastTheLargestDatagramIsRefused() {
        let reassembler = FragmentReassembler()
        let pingOfDeath = TunnelFrames.ipv4(carrying: 1, [UInt8](repeating: 0, count: 200), flagsAndOffset: 8180)
        _ = Self.reassemble([pingOfDeath], with: reassembler)
        #expect(reassembler.statistics.givenUp[.oversized] == 1)
    }

    @Test func staleDatagramTimesOutAndEndsCounted() {
        let fragments = Self.ipv4Fragments([24, 64])
        let reassembler = FragmentReassembler(limits: FragmentLimits(maximumAgeSeconds: 1.5))
        // Timestamps are the packet indices: the third comes 2 s after the first.
        let result = Self.reassemble([fragments[0], fragments[1], fragments[2]], with: reassembler)
        #expect(result.datagrams.isEmpty)
        #expect(reassembler.statistics.givenUp[.timedOut] == 1)
        reassembler.finish()
        #expect(reassembler.statistics.givenUp[.incompleteAtEnd] == nil, "the later fragments of a datagram given up are dropped")
        #expect(reassembler.statistics.descriptions.first == "3 IP fragments, 0 datagrams reassembled")
    }

    @Test func twoDifferentEndsGiveTheDatagramUp() {
        let fragments = Self.ipv4Fragments([24, 64])
        let shorterEnd = Self.ipv4Fragments([24, 56], of: Array(Self.tcp.prefix(88)))[2]
        let reassembler = FragmentReassembler()
        let result = Self.reassemble([fragments[2], shorterEnd, fragments[0]], with: reassembler)
        #expect(result.datagrams.isEmpty)
        #expect(reassembler.statistics.givenUp[.inconsistentEnd] == 1)
    }
}
