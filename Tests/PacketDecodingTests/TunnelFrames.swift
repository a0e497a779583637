/// Tunnelled frames built around the captured "alice" packets, for the
/// encapsulations a loopback capture cannot produce (headers per the RFCs
/// cited in each decoder; checksums left zero, as the decoder ignores them).
enum TunnelFrames {
    static let outerSource: [UInt8] = [192, 0, 2, 1]
    static let outerDestination: [UInt8] = [198, 51, 100, 2]

    /// An IPv4 header (no options) in front of `payload`.
    static func ipv4(carrying protocolNumber: UInt8, _ payload: [UInt8], identification: UInt16 = 0x1234, flagsAndOffset: UInt16 = 0x4000) -> [UInt8] {
        let total = 20 + payload.count
        return [0x45, 0x00, UInt8(total >> 8), UInt8(total & 0xFF), UInt8(identification >> 8), UInt8(identification & 0xFF),
                UInt8(flagsAndOffset >> 8), UInt8(flagsAndOffset & 0xFF), 64, protocolNumber, 0, 0]
            + outerSource + outerDestination + payload
    }

    /// An IPv6 header (2001:db8::1 → 2001:db8::2) in front of `payload`.
    static func ipv6(carrying nextHeader: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let address: (UInt8) -> [UInt8] = { [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [$0] }
        return [0x60, 0, 0, 0, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF), nextHeader, 64]
            + address(1) + address(2) + payload
    }

    static func ethernet(_ etherType: UInt16, _ payload: [UInt8]) -> [UInt8] {
        Fixtures.zeroMACs + [UInt8(etherType >> 8), UInt8(etherType & 0xFF)] + payload
    }

    /// GRE (RFC 2890) with a key and a sequence number, carrying IPv6.
    static let greKeySequenceIPv6 = ipv4(carrying: 47, [0x30, 0x00, 0x86, 0xDD, 0, 0, 0, 7, 0, 0, 0, 1] + Fixtures.ipv6Alice)
    /// GRE with no options, carrying IPv4.
    static let greIPv4 = ipv4(carrying: 47, [0x00, 0x00, 0x08, 0x00] + Fixtures.ipv4Alice)
    /// GRE with a checksum, carrying a bridged Ethernet frame (0x6558).
    static let greEthernet = ipv4(carrying: 47, [0x80, 0x00, 0x65, 0x58, 0, 0, 0, 0] + CapturedFrames.ethernetIPv4Alice)
    /// ERSPAN type II: GRE with a sequence number, an 8-byte ERSPAN header, then Ethernet.
    static let erspanTypeII = ipv4(
        carrying: 47, [0x10, 0x00, 0x88, 0xBE, 0, 0, 0, 5] + [0x10, 0x01, 0x00, 0x00, 0, 0, 0, 0] + CapturedFrames.ethernetIPv4Alice)
    /// PPTP's enhanced GRE (version 1, key = payload length and call ID, sequence and acknowledgment), carrying PPP.
    static let pptpGRE: [UInt8] = {
        let ppp: [UInt8] = [0xFF, 0x03, 0x00, 0x21] + Fixtures.ipv4Alice
        let length = UInt8(ppp.count)
        return ipv4(carrying: 47, [0x30, 0x81, 0x88, 0x0B, 0, length, 0, 9, 0, 0, 0, 2, 0, 0, 0, 1] + ppp)
    }()
    /// PPPoE session (RFC 2516) with a compressed PPP header, padded as Ethernet pads.
    static let pppoeSession: [UInt8] = {
        let ppp: [UInt8] = [0x00, 0x21] + Fixtures.ipv4Alice
        return ethernet(0x8864, [0x11, 0x00, 0x00, 0x2A, 0, UInt8(ppp.count)] + ppp)
    }()
    /// VXLAN (RFC 7348): UDP to port 4789, an 8-byte header, an Ethernet frame.
    static let vxlan = ipv4(carrying: 17, [0xC0, 0x00, 0x12, 0xB5, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 1, 0] + CapturedFrames.ethernetIPv4Alice)
    /// Geneve (RFC 8926): UDP to port 6081, one 4-byte option, an Ethernet frame.
    static let geneve = ipv4(
        carrying: 17, [0xC0, 0x00, 0x17, 0xC1, 0, 0, 0, 0, 0x01, 0x00, 0x65, 0x58, 0, 0, 1, 0, 0x01, 0x02, 0x03, 0x00] + CapturedFrames.ethernetIPv6Alice)
    /// L2TP: UDP to port 1701, which the decoder names and does not open.
    static let l2tp = ipv4(carrying: 17, [0x06, 0xA5, 0x06, 0xA5, 0, 0, 0, 0, 0x00, 0x02, 0, 1, 0, 1] + [0xFF, 0x03, 0x00, 0x21] + Fixtures.ipv4Alice)
}
