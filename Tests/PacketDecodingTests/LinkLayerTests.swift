import PacketDecoding
import Testing

/// The same "alice" segment under every link type the grader accepts.
struct LinkLayerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var frame: [UInt8]
        var linkType: LinkType
        var ipVersion: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "EN10MB IPv4 (captured)", frame: CapturedFrames.ethernetIPv4Alice, linkType: .ethernet, ipVersion: 4),
        Case(name: "EN10MB IPv6 (captured)", frame: CapturedFrames.ethernetIPv6Alice, linkType: .ethernet, ipVersion: 6),
        Case(name: "EN10MB 802.1Q", frame: Fixtures.vlanIPv4Alice, linkType: .ethernet, ipVersion: 4),
        Case(name: "EN10MB 802.1ad + 802.1Q", frame: Fixtures.qinqIPv4Alice, linkType: .ethernet, ipVersion: 4),
        Case(name: "NULL little-endian AF_INET", frame: [2, 0, 0, 0] + Fixtures.ipv4Alice, linkType: .null, ipVersion: 4),
        Case(name: "NULL big-endian AF_INET", frame: [0, 0, 0, 2] + Fixtures.ipv4Alice, linkType: .null, ipVersion: 4),
        Case(name: "NULL Npcap AF_INET6 24", frame: [24, 0, 0, 0] + Fixtures.ipv6Alice, linkType: .null, ipVersion: 6),
        Case(name: "NULL FreeBSD AF_INET6 28", frame: [28, 0, 0, 0] + Fixtures.ipv6Alice, linkType: .null, ipVersion: 6),
        Case(name: "NULL macOS AF_INET6 30", frame: [30, 0, 0, 0] + Fixtures.ipv6Alice, linkType: .null, ipVersion: 6),
        Case(name: "NULL Windows AF_INET6 23", frame: [23, 0, 0, 0] + Fixtures.ipv6Alice, linkType: .null, ipVersion: 6),
        Case(name: "NULL AF_INET6 value, IPv4 packet", frame: [30, 0, 0, 0] + Fixtures.ipv4Alice, linkType: .null, ipVersion: 4),
        Case(name: "LOOP AF_INET", frame: [0, 0, 0, 2] + Fixtures.ipv4Alice, linkType: .loop, ipVersion: 4),
        Case(name: "LOOP AF_INET6", frame: [0, 0, 0, 24] + Fixtures.ipv6Alice, linkType: .loop, ipVersion: 6),
        Case(name: "RAW IPv4", frame: Fixtures.ipv4Alice, linkType: .raw, ipVersion: 4),
        Case(name: "RAW IPv6", frame: Fixtures.ipv6Alice, linkType: .raw, ipVersion: 6),
        Case(name: "IPV4", frame: Fixtures.ipv4Alice, linkType: .ipv4, ipVersion: 4),
        Case(name: "IPV6", frame: Fixtures.ipv6Alice, linkType: .ipv6, ipVersion: 6),
        Case(name: "LINUX_SLL (re-framed)", frame: [0, 0, 3, 4, 0, 6] + [UInt8](repeating: 0, count: 8) + [0x08, 0x00] + Fixtures.ipv4Alice,
             linkType: .linuxSLL, ipVersion: 4),
        Case(name: "LINUX_SLL2 IPv6 (re-framed)", frame: [0x86, 0xDD, 0, 0, 0, 0, 0, 1, 3, 4, 0, 6] + [UInt8](repeating: 0, count: 8) + Fixtures.ipv6Alice,
             linkType: .linuxSLL2, ipVersion: 6),
    ]

    @Test(arguments: cases)
    func decodesAliceSegment(_ testCase: Case) {
        let expected = testCase.ipVersion == 4 ? Fixtures.aliceIPv4Fields : Fixtures.aliceIPv6Fields
        #expect(decode(testCase.frame, as: testCase.linkType) == .tcp(expected))
        #expect(decode(testCase.frame, as: testCase.linkType, originalLength: testCase.frame.count) == .tcp(expected))
    }

    @Test func capturedEthernetSYNDecodesEveryField() {
        let expected = SegmentFields(
            source: localhost, destination: localhost, sourcePort: 60001, destinationPort: 5000,
            sequenceNumber: 3_335_235_019, acknowledgmentNumber: 0, flags: .syn,
            window: 65495, ipVersion: 4, headerLength: 40, payload: [], payloadTruncated: false
        )
        #expect(decode(CapturedFrames.ethernetIPv4SYN, as: .ethernet) == .tcp(expected))
    }

    @Test func capturedIPv6SYNDecodesEveryField() {
        let expected = SegmentFields(
            source: ipv6Localhost, destination: ipv6Localhost, sourcePort: 60001, destinationPort: 5000,
            sequenceNumber: 506_838_626, acknowledgmentNumber: 0, flags: .syn,
            window: 65476, ipVersion: 6, headerLength: 40, payload: [], payloadTruncated: false
        )
        #expect(decode(CapturedFrames.ethernetIPv6SYN, as: .ethernet) == .tcp(expected))
    }

    @Test func capturedLinuxCookedFrames() {
        var sll = Fixtures.aliceIPv4Fields
        sll.sequenceNumber = 0xCAE6_852D
        sll.acknowledgmentNumber = 0xEAA8_60B7
        #expect(decode(CapturedFrames.linuxSLLIPv4Alice, as: .linuxSLL) == .tcp(sll))

        var sll2 = Fixtures.aliceIPv4Fields
        sll2.sequenceNumber = 0xC8D3_8B6E
        sll2.acknowledgmentNumber = 0xEAA7_60A8
        #expect(decode(CapturedFrames.linuxSLL2IPv4Alice, as: .linuxSLL2) == .tcp(sll2))

        var sll2IPv6 = Fixtures.aliceIPv6Fields
        sll2IPv6.sequenceNumber = 0x1E36_BE6B
        sll2IPv6.acknowledgmentNumber = 0x88D1_3517
        #expect(decode(CapturedFrames.linuxSLL2IPv6Alice, as: .linuxSLL2) == .tcp(sll2IPv6))
    }

    @Test func ethernetPaddingIsNotPayload() throws {
        let frame = Fixtures.paddedEthernetFIN
        #expect(frame.count == 60)
        let segment = try #require(decode(frame, as: .ethernet, originalLength: 60).segment)
        #expect(segment.flags == [.fin, .ack])
        #expect(segment.headerLength == 20)
        #expect(segment.payload.isEmpty)
        #expect(!segment.payloadTruncated)
        #expect(segment.sourcePort == 5000)
        #expect(segment.sequenceNumber == 0xEAA6_60A5)
    }

    @Test(arguments: [
        ([0x08, 0x06] as [UInt8], "ARP"),
        ([0x88, 0xCC], "LLDP"),
        ([0x12, 0x34], "EtherType 0x1234"),
        ([0x00, 0x2E], "802.3 LLC"),
    ])
    func otherEtherTypesAreNotTCP(etherType: [UInt8], expected: String) {
        let frame = Fixtures.zeroMACs + etherType + [UInt8](repeating: 0, count: 46)
        #expect(decode(frame, as: .ethernet) == .notTCP(expected))
    }

    @Test func unknownLoopbackFamilyIsNotTCP() {
        #expect(decode([7, 0, 0, 0] + Fixtures.ipv4Alice, as: .null) == .notTCP("NULL/LOOP address family 7"))
    }

    @Test(arguments: [
        (Int32(1), LinkType.ethernet, "EN10MB"), (0, .null, "NULL"), (108, .loop, "LOOP"),
        (12, .raw, "RAW"), (14, .raw, "RAW"), (101, .raw, "RAW"), (113, .linuxSLL, "LINUX_SLL"),
        (276, .linuxSLL2, "LINUX_SLL2"), (228, .ipv4, "IPV4"), (229, .ipv6, "IPV6"),
    ])
    func linkTypeFromDLT(dlt: Int32, linkType: LinkType, name: String) {
        #expect(LinkType(dlt: dlt) == linkType)
        #expect(LinkType(dlt: dlt)?.name == name)
    }

    @Test func unsupportedDLTIsNil() {
        #expect(LinkType(dlt: 105) == nil)  // IEEE 802.11
        #expect(LinkType(dlt: -1) == nil)
    }
}
