import PacketDecoding

/// The captured frames, the IP packets inside them, and frames built from
/// those for link types and layers the capture could not produce here.
enum Fixtures {
    static let ethernetHeaderLength = 14
    /// The IPv4 packet of the "alice" segment (57 bytes: 20 IP, 32 TCP, 5 data).
    static let ipv4Alice = Array(CapturedFrames.ethernetIPv4Alice.dropFirst(ethernetHeaderLength))
    /// The IPv6 packet of the "alice" segment (77 bytes: 40 IPv6, 32 TCP, 5 data).
    static let ipv6Alice = Array(CapturedFrames.ethernetIPv6Alice.dropFirst(ethernetHeaderLength))
    static let zeroMACs = [UInt8](repeating: 0, count: 12)

    static let aliceIPv4Fields = SegmentFields(
        source: localhost, destination: localhost, sourcePort: 60001, destinationPort: 5000,
        sequenceNumber: 0xC6CB_A5CC, acknowledgmentNumber: 0xEAA6_6099, flags: [.psh, .ack],
        window: 64, ipVersion: 4, headerLength: 32, payload: alice, payloadTruncated: false
    )
    static let aliceIPv6Fields = SegmentFields(
        source: ipv6Localhost, destination: ipv6Localhost, sourcePort: 60001, destinationPort: 5000,
        sequenceNumber: 0x1E35_BE63, acknowledgmentNumber: 0x86BF_C6B3, flags: [.psh, .ack],
        window: 64, ipVersion: 6, headerLength: 32, payload: alice, payloadTruncated: false
    )

    /// Ethernet with one 802.1Q tag (VLAN 100) in front of the IPv4 packet.
    static let vlanIPv4Alice = zeroMACs + [0x81, 0x00, 0x00, 0x64, 0x08, 0x00] + ipv4Alice
    /// 802.1ad outer tag (VLAN 200) and 802.1Q inner tag (VLAN 100).
    static let qinqIPv4Alice = zeroMACs + [0x88, 0xA8, 0x00, 0xC8, 0x81, 0x00, 0x00, 0x64, 0x08, 0x00] + ipv4Alice

    /// The IPv4 packet with IHL 6: a 4-byte options field (three NOPs and
    /// End of Options List) inserted, total length 61.
    static let ipv4WithOptionsAlice: [UInt8] = {
        var packet = ipv4Alice
        packet[0] = 0x46
        packet.replaceSubrange(2..<4, with: [0x00, 61])
        packet.insert(contentsOf: [0x01, 0x01, 0x01, 0x00], at: 20)
        return packet
    }()

    /// The captured server FIN re-framed as a 54-byte frame padded to 60, as
    /// a NIC pads short frames: the 6 zero bytes must not become payload.
    static let paddedEthernetFIN: [UInt8] = {
        var frame = CapturedFrames.ethernetIPv4FIN
        // Drop the 12 bytes of TCP options: data offset 5, total length 40.
        frame.removeSubrange(54..<66)
        frame[16] = 0x00
        frame[17] = 40
        frame[46] = 0x50
        return frame + [UInt8](repeating: 0, count: 6)
    }()

    /// The IPv6 packet with an 8-byte Hop-by-Hop header (a PadN option)
    /// between the fixed header and TCP.
    static let ipv6HopByHopAlice: [UInt8] = {
        var packet = ipv6Alice
        packet[6] = 0  // Next Header: Hop-by-Hop
        packet.replaceSubrange(4..<6, with: [0x00, 37 + 8])
        packet.insert(contentsOf: [0x06, 0x00, 0x01, 0x04, 0x00, 0x00, 0x00, 0x00], at: 40)
        return packet
    }()

    /// Hop-by-Hop, then Destination Options (16 bytes), then an atomic
    /// Fragment header (offset 0, M clear: RFC 6946, a whole packet), then TCP.
    static let ipv6ChainAtomicFragment: [UInt8] = {
        var packet = ipv6Alice
        packet[6] = 0
        packet.replaceSubrange(4..<6, with: [0x00, 37 + 8 + 16 + 8])
        let hopByHop: [UInt8] = [60, 0x00, 0x01, 0x04, 0x00, 0x00, 0x00, 0x00]
        let destinationOptions: [UInt8] = [44, 0x01, 0x01, 0x0C] + [UInt8](repeating: 0, count: 12)
        let fragment: [UInt8] = [6, 0x00, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78]
        packet.insert(contentsOf: hopByHop + destinationOptions + fragment, at: 40)
        return packet
    }()
}
