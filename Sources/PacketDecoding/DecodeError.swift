/// Why a frame could not be decoded as far as its TCP payload.
///
/// One error type for the whole module, in the spirit of gopacket's typed
/// decode failures: every case carries the numbers that make the message
/// precise, and the message is built only when someone asks for it, so the
/// failure path allocates nothing until it is displayed.
public enum DecodeError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Fewer bytes were captured than the header needs.
    case truncated(HeaderKind, needed: Int, captured: Int)
    /// The IP version nibble is neither 4 nor 6.
    case unknownIPVersion(Int)
    /// A header that must be IPv4 (or IPv6) carries the other version.
    case ipVersionMismatch(expected: Int, found: Int)
    /// The IPv4 IHL field, in 32-bit words, is below the minimum of 5.
    case invalidIPv4HeaderLength(words: Int)
    /// The IPv4 total length cannot even hold the header it follows.
    case ipv4TotalLengthBelowHeaderLength(totalLength: Int, headerLength: Int)
    /// An IPv6 extension header runs past the payload length.
    case ipv6ExtensionHeaderExceedsPayload(nextHeader: UInt8, headerLength: Int, remaining: Int)
    /// The TCP data offset, in 32-bit words, is below the minimum of 5.
    case invalidTCPDataOffset(words: Int)
    /// The IP layer says the TCP segment is shorter than the minimum TCP header.
    case tcpSegmentTooShort(length: Int)
    /// The TCP header, as the data offset says, runs past the segment the IP layer delimits.
    case tcpHeaderExceedsSegment(headerLength: Int, segmentLength: Int)

    public var description: String {
        switch self {
        case let .truncated(header, needed, captured):
            return "truncated \(header) header: needs \(needed) byte\(needed == 1 ? "" : "s"), \(captured) captured"
        case let .unknownIPVersion(version):
            return "unknown IP version \(version)"
        case let .ipVersionMismatch(expected, found):
            return "IPv\(expected) header has version \(found)"
        case let .invalidIPv4HeaderLength(words):
            return "invalid IPv4 header length \(words) < 5"
        case let .ipv4TotalLengthBelowHeaderLength(totalLength, headerLength):
            return "IPv4 total length \(totalLength) is shorter than its \(headerLength)-byte header"
        case let .ipv6ExtensionHeaderExceedsPayload(nextHeader, headerLength, remaining):
            return "IPv6 extension header \(nextHeader) of \(headerLength) bytes exceeds the \(remaining) payload bytes left"
        case let .invalidTCPDataOffset(words):
            return "invalid TCP data offset \(words) < 5"
        case let .tcpSegmentTooShort(length):
            return "TCP segment of \(length) bytes is shorter than the 20-byte minimum header"
        case let .tcpHeaderExceedsSegment(headerLength, segmentLength):
            return "TCP header length \(headerLength) exceeds the \(segmentLength)-byte segment"
        }
    }
}

/// The header a `DecodeError.truncated` refers to, named as Wireshark names it.
public enum HeaderKind: Sendable, Equatable, CustomStringConvertible {
    case ethernet
    case vlanTag
    case nullLoopback
    case linuxSLL
    case linuxSLL2
    case ppp
    case ciscoHDLC
    case pppoe
    case gre
    case vxlan
    case geneve
    case mpls
    case authentication
    /// The first byte of an IP header, needed to read the version nibble.
    case ipVersion
    case ipv4
    case ipv6
    case ipv6Extension(nextHeader: UInt8)
    case tcp

    public var description: String {
        switch self {
        case .ethernet: return "Ethernet"
        case .vlanTag: return "802.1Q VLAN tag"
        case .nullLoopback: return "NULL/LOOP"
        case .linuxSLL: return "Linux cooked (SLL)"
        case .linuxSLL2: return "Linux cooked v2 (SLL2)"
        case .ppp: return "PPP"
        case .ciscoHDLC: return "Cisco HDLC"
        case .pppoe: return "PPPoE"
        case .gre: return "GRE"
        case .vxlan: return "VXLAN"
        case .geneve: return "Geneve"
        case .mpls: return "MPLS"
        case .authentication: return "IPsec AH"
        case .ipVersion: return "IP"
        case .ipv4: return "IPv4"
        case .ipv6: return "IPv6"
        case let .ipv6Extension(nextHeader): return "IPv6 extension \(nextHeader)"
        case .tcp: return "TCP"
        }
    }
}
