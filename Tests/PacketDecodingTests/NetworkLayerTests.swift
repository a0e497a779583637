import PacketDecoding
import Testing

/// IPv4 and IPv6 specifics: options, extension headers, fragments, other protocols.
struct NetworkLayerTests {
    @Test func ipv4OptionsAreSkippedByHeaderLength() {
        #expect(decode(Fixtures.ipv4WithOptionsAlice, as: .raw, originalLength: 61) == .tcp(Fixtures.aliceIPv4Fields))
    }

    @Test func ipv4TotalLengthZeroMeansSegmentationOffload() {
        let frame = Fixtures.ipv4Alice.replacing(at: 2, with: [0, 0])
        #expect(decode(frame, as: .raw) == .tcp(Fixtures.aliceIPv4Fields))
    }

    @Test func ipv4ShorterTotalLengthCutsPayload() throws {
        // Total length 55 leaves 3 of the 5 data bytes; the last 2 are link trailer.
        let frame = Fixtures.ipv4Alice.replacing(at: 2, with: [0, 55])
        let segment = try #require(decode(frame, as: .raw, originalLength: frame.count).segment)
        #expect(segment.payload == Array("ali".utf8))
        #expect(!segment.payloadTruncated)
    }

    @Test func ipv4FragmentsGoToReassembly() {
        let later = Fixtures.ipv4Alice.replacing(at: 6, with: [0x00, 0xB9])  // offset 185 * 8
        #expect(decode(later, as: .raw) == .fragment(offset: 185 * 8, moreFragments: false, payload: Array(Fixtures.ipv4Alice[20...])))
        let first = Fixtures.ipv4Alice.replacing(at: 6, with: [0x20, 0x00])  // MF, offset 0
        #expect(decode(first, as: .raw) == .fragment(offset: 0, moreFragments: true, payload: Array(Fixtures.ipv4Alice[20...])))
    }

    @Test(arguments: [
        (UInt8(17), "IPv4 protocol 17 (UDP)"),
        (1, "IPv4 protocol 1 (ICMP)"),
        (253, "IPv4 protocol 253"),
    ])
    func otherIPv4ProtocolsAreNotTCP(protocolNumber: UInt8, expected: String) {
        let frame = Fixtures.ipv4Alice.replacing(at: 9, with: [protocolNumber])
        #expect(decode(frame, as: .raw) == .notTCP(expected))
    }

    @Test func ipv6HopByHopHeaderIsSkipped() {
        let frame = Fixtures.ipv6HopByHopAlice
        #expect(decode(frame, as: .ipv6, originalLength: frame.count) == .tcp(Fixtures.aliceIPv6Fields))
        #expect(decode(Fixtures.zeroMACs + [0x86, 0xDD] + frame, as: .ethernet) == .tcp(Fixtures.aliceIPv6Fields))
    }

    @Test func ipv6ExtensionChainToAtomicFragment() throws {
        let segment = try #require(decode(Fixtures.ipv6ChainAtomicFragment, as: .raw).segment)
        #expect(segment.payload == alice)
        #expect(segment.sequenceNumber == Fixtures.aliceIPv6Fields.sequenceNumber)
        #expect(!segment.payloadTruncated)
    }

    @Test func ipv6FragmentsGoToReassembly() {
        let fragmentOffsetField = 40 + 8 + 16 + 2
        let tcp = Array(Fixtures.ipv6ChainAtomicFragment[(40 + 8 + 16 + 8)...])
        let later = Fixtures.ipv6ChainAtomicFragment.replacing(at: fragmentOffsetField, with: [0x00, 0x08])
        #expect(decode(later, as: .raw) == .fragment(offset: 8, moreFragments: false, payload: tcp))
        let first = Fixtures.ipv6ChainAtomicFragment.replacing(at: fragmentOffsetField, with: [0x00, 0x01])
        #expect(decode(first, as: .raw) == .fragment(offset: 0, moreFragments: true, payload: tcp))
    }

    @Test(arguments: [
        (UInt8(58), "IPv6 next header 58 (ICMPv6)"),
        (59, "IPv6 next header 59 (No Next Header)"),
        (17, "IPv6 next header 17 (UDP)"),
    ])
    func otherIPv6NextHeadersAreNotTCP(nextHeader: UInt8, expected: String) {
        let frame = Fixtures.ipv6Alice.replacing(at: 6, with: [nextHeader])
        #expect(decode(frame, as: .raw) == .notTCP(expected))
        let afterHopByHop = Fixtures.ipv6HopByHopAlice.replacing(at: 40, with: [nextHeader])
        #expect(decode(afterHopByHop, as: .raw) == .notTCP(expected))
    }
}
