import Testing
import PacketDecoding

/// Issue 14.4: the common encapsulations are opened down to the TCP inside,
/// and the rest are named, not silently empty.
@Suite struct TunnelTests {
    static let v4 = Fixtures.aliceIPv4Fields
    static let v6 = Fixtures.aliceIPv6Fields

    @Test(arguments: [
        ("4in4", TunnelFrames.ipv4(carrying: 4, Fixtures.ipv4Alice), v4),
        ("6in4", TunnelFrames.ipv4(carrying: 41, Fixtures.ipv6Alice), v6),
        ("4in6", TunnelFrames.ipv6(carrying: 4, Fixtures.ipv4Alice), v4),
        ("6in6", TunnelFrames.ipv6(carrying: 41, Fixtures.ipv6Alice), v6),
        ("GRE IPv4", TunnelFrames.greIPv4, v4),
        ("GRE key+sequence IPv6", TunnelFrames.greKeySequenceIPv6, v6),
        ("GRE bridged Ethernet", TunnelFrames.greEthernet, v4),
        ("ERSPAN type II", TunnelFrames.erspanTypeII, v4),
        ("PPTP enhanced GRE", TunnelFrames.pptpGRE, v4),
        ("GRE in IPv6", TunnelFrames.ipv6(carrying: 47, [0x00, 0x00, 0x08, 0x00] + Fixtures.ipv4Alice), v4),
        ("VXLAN", TunnelFrames.vxlan, v4),
        ("Geneve with an option", TunnelFrames.geneve, v6),
        ("WCCP redirect in GRE", TunnelFrames.ipv4(carrying: 47, [0x00, 0x00, 0x88, 0x3E, 0, 0, 0, 0] + Fixtures.ipv4Alice), v4),
    ])
    func ipTunnelsAreOpened(name: String, packet: [UInt8], inner: SegmentFields) {
        #expect(decode(packet, as: .raw) == .tcp(inner), "\(name)")
        #expect(decode(TunnelFrames.ethernet(packet[0] >> 4 == 4 ? 0x0800 : 0x86DD, packet), as: .ethernet) == .tcp(inner), "\(name)")
    }

    @Test func pppoeSessionIsOpenedAndItsPaddingDropped() {
        let padded = TunnelFrames.pppoeSession + [0, 0, 0, 0]
        #expect(decode(padded, as: .ethernet) == .tcp(Self.v4))
        let discovery = TunnelFrames.ethernet(0x8863, [0x11, 0x09, 0, 0, 0, 0])
        #expect(decode(discovery, as: .ethernet) == .notTCP("PPPoE discovery"))
    }

    @Test func qinqAroundPPPoE() {
        let frame = Fixtures.zeroMACs + [0x88, 0xA8, 0x00, 0xC8, 0x81, 0x00, 0x00, 0x64] + TunnelFrames.pppoeSession.dropFirst(12)
        #expect(decode(frame, as: .ethernet) == .tcp(Self.v4))
    }

    @Test(arguments: [
        ([0xFF, 0x03, 0x00, 0x21] + Fixtures.ipv4Alice, v4),
        ([0x00, 0x21] + Fixtures.ipv4Alice, v4),
        ([0x21] + Fixtures.ipv4Alice, v4),
        ([0xFF, 0x03, 0x00, 0x57] + Fixtures.ipv6Alice, v6),
    ])
    func pppLinkTypeWithAndWithoutCompressedFields(frame: [UInt8], inner: SegmentFields) {
        #expect(decode(frame, as: .ppp) == .tcp(inner))
    }

    @Test func pppControlProtocolsAreNotTCP() {
        #expect(decode([0xFF, 0x03, 0xC0, 0x21, 1, 1, 0, 4], as: .ppp) == .notTCP("PPP protocol 0xC021"))
        #expect(decode([0xFF], as: .ppp) == .malformed(.truncated(.ppp, needed: 2, captured: 1)))
    }

    /// IPsec AH (RFC 4302) is stepped over: the segment keeps the outer addresses.
    @Test func authenticationHeaderIsSteppedOver() throws {
        let packet = TunnelFrames.ipv4(carrying: 51, [6, 4, 0, 0] + [UInt8](repeating: 0, count: 20) + Fixtures.ipv4Alice[20...])
        let segment = try #require(decode(packet, as: .raw).segment)
        #expect(segment.payload == alice && segment.source == .v4(0xC000_0201))
        #expect(decode(Array(packet.prefix(30)), as: .raw) == .malformed(.truncated(.authentication, needed: 24, captured: 10)))
    }

    @Test func mplsLabelStacksAreOpened() {
        let twoLabels: [UInt8] = [0, 0x01, 0x00, 64, 0, 0x02, 0x01, 64]
        #expect(decode(TunnelFrames.ethernet(0x8847, twoLabels + Fixtures.ipv4Alice), as: .ethernet) == .tcp(Self.v4))
        #expect(decode([0xFF, 0x03, 0x02, 0x81] + twoLabels + Fixtures.ipv6Alice, as: .ppp) == .tcp(Self.v6))
        #expect(decode(TunnelFrames.ethernet(0x8847, [0, 0x01, 0x00, 64]), as: .ethernet) == .malformed(.truncated(.mpls, needed: 8, captured: 4)))
    }

    @Test func ciscoHDLC() {
        #expect(decode([0x0F, 0x00, 0x08, 0x00] + Fixtures.ipv4Alice, as: .ciscoHDLC) == .tcp(Self.v4))
        #expect(decode([0x8F, 0x00, 0x86, 0xDD] + Fixtures.ipv6Alice, as: .ciscoHDLC) == .tcp(Self.v6))
        #expect(LinkType(dlt: 104) == .ciscoHDLC)
        #expect(LinkType(dlt: 9) == .ppp)
    }

    @Test(arguments: [
        (TunnelFrames.ethernet(0x0800, TunnelFrames.l2tp), "inside an L2TP tunnel"),
        (TunnelFrames.ethernet(0x8847, [0, 0, 0x11, 64] + [0, 0, 0, 0] + CapturedFrames.ethernetIPv4Alice), "inside an MPLS pseudowire"),
        (TunnelFrames.ethernet(0x893F, [UInt8](repeating: 0, count: 6) + [0x08, 0x00] + Fixtures.ipv4Alice), "inside an E-tag (802.1BR) header"),
        (TunnelFrames.ethernet(0x0800, TunnelFrames.ipv4(carrying: 47, [0x10, 0x00, 0x22, 0xEB, 0, 0, 0, 1] + Fixtures.ipv4Alice)), "inside an ERSPAN type III session"),
    ])
    func encapsulationsNotOpenedAreNamed(frame: [UInt8], place: String) {
        #expect(decode(frame, as: .ethernet) == .undecoded(place))
    }

    /// Eight encapsulations are opened; a ninth is named instead of followed.
    @Test func nestingIsBounded() {
        var packet = Fixtures.ipv4Alice
        for _ in 0..<8 { packet = TunnelFrames.ipv4(carrying: 4, packet) }
        #expect(decode(packet, as: .raw) == .tcp(Self.v4))
        packet = TunnelFrames.ipv4(carrying: 4, packet)
        #expect(decode(packet, as: .raw) == .undecoded("inside more than 8 nested tunnels"))
    }
}
