import PacketDecoding
import Testing

/// Bad header fields give `.malformed` with a message that names the field and its value.
struct MalformedFrameTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var frame: [UInt8]
        var linkType: LinkType
        /// nil: unknown (the capture may have cut the frame).
        var originalLength: Int?
        var error: DecodeError
        var message: String
        var testDescription: String { name }
    }

    static let ipv4 = Fixtures.ipv4Alice
    static let ipv6 = Fixtures.ipv6Alice
    static let tcpStart = 20

    static let cases: [Case] = [
        Case(name: "TCP data offset 3", frame: ipv4.replacing(at: tcpStart + 12, with: [0x30]), linkType: .raw,
             error: .invalidTCPDataOffset(words: 3), message: "invalid TCP data offset 3 < 5"),
        Case(name: "TCP data offset 15 past segment", frame: ipv4.replacing(at: tcpStart + 12, with: [0xF0]), linkType: .raw,
             error: .tcpHeaderExceedsSegment(headerLength: 60, segmentLength: 37),
             message: "TCP header length 60 exceeds the 37-byte segment"),
        Case(name: "IPv4 IHL 4", frame: ipv4.replacing(at: 0, with: [0x44]), linkType: .raw,
             error: .invalidIPv4HeaderLength(words: 4), message: "invalid IPv4 header length 4 < 5"),
        Case(name: "IPv4 total length below header", frame: ipv4.replacing(at: 2, with: [0, 16]), linkType: .raw,
             error: .ipv4TotalLengthBelowHeaderLength(totalLength: 16, headerLength: 20),
             message: "IPv4 total length 16 is shorter than its 20-byte header"),
        Case(name: "IPv4 segment below minimum TCP header", frame: ipv4.replacing(at: 2, with: [0, 30]), linkType: .raw,
             error: .tcpSegmentTooShort(length: 10),
             message: "TCP segment of 10 bytes is shorter than the 20-byte minimum header"),
        Case(name: "EtherType IPv4, version 6", frame: Fixtures.zeroMACs + [0x08, 0x00] + ipv6, linkType: .ethernet,
             error: .ipVersionMismatch(expected: 4, found: 6), message: "IPv4 header has version 6"),
        Case(name: "RAW version 5", frame: ipv4.replacing(at: 0, with: [0x55]), linkType: .raw,
             error: .unknownIPVersion(5), message: "unknown IP version 5"),
        Case(name: "IPv6 extension header past payload", frame: Fixtures.ipv6HopByHopAlice.replacing(at: 41, with: [9]),
             linkType: .raw, error: .ipv6ExtensionHeaderExceedsPayload(nextHeader: 0, headerLength: 80, remaining: 45),
             message: "IPv6 extension header 0 of 80 bytes exceeds the 45 payload bytes left"),
        Case(name: "short Ethernet", frame: [UInt8](repeating: 0, count: 10), linkType: .ethernet,
             error: .truncated(.ethernet, needed: 14, captured: 10),
             message: "truncated Ethernet header: needs 14 bytes, 10 captured"),
        Case(name: "VLAN tag cut", frame: Fixtures.zeroMACs + [0x81, 0x00, 0x00], linkType: .ethernet,
             error: .truncated(.vlanTag, needed: 4, captured: 1),
             message: "truncated 802.1Q VLAN tag header: needs 4 bytes, 1 captured"),
        Case(name: "TCP header cut after 14 bytes", frame: Array(ipv4.prefix(34)), linkType: .raw,
             error: .truncated(.tcp, needed: 20, captured: 14),
             message: "truncated TCP header: needs 20 bytes, 14 captured"),
        Case(name: "empty NULL payload", frame: [2, 0, 0, 0], linkType: .null,
             error: .truncated(.ipVersion, needed: 1, captured: 0),
             message: "truncated IP header: needs 1 byte, 0 captured"),
    ]

    @Test(arguments: cases)
    func reportsPreciseError(_ testCase: Case) {
        let decoded = decode(testCase.frame, as: testCase.linkType, originalLength: testCase.originalLength)
        #expect(decoded == .malformed(testCase.error))
        #expect(testCase.error.description == testCase.message)
    }
}
