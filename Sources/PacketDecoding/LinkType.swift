/// The link-layer header that precedes the network packet in a captured frame.
public enum LinkType: Sendable, Equatable {
    case ethernet
    /// BSD loopback: a 4-byte address family in the writer's byte order.
    case null
    /// OpenBSD loopback: like `null`, but the family is in network byte order.
    case loop
    /// No link header: the frame starts with an IPv4 or IPv6 header.
    case raw
    case linuxSLL
    case linuxSLL2
    case ipv4
    case ipv6
    /// PPP, with or without the HDLC-like address and control bytes.
    case ppp
    /// Cisco HDLC: a 4-byte header ending in an EtherType.
    case ciscoHDLC

    /// From a libpcap DLT value (`pcap_datalink`) or a LINKTYPE_ value from a file header.
    ///
    /// DLT_RAW is 12 on most systems and 14 on OpenBSD; files store
    /// LINKTYPE_RAW as 101, so all three mean `raw`. LINKTYPE_PPP_HDLC (50)
    /// is PPP in HDLC-like framing, which the PPP decoder reads as well.
    public init?(dlt: Int32) {
        switch dlt {
        case 1: self = .ethernet
        case 0: self = .null
        case 108: self = .loop
        case 12, 14, 101: self = .raw
        case 113: self = .linuxSLL
        case 276: self = .linuxSLL2
        case 228: self = .ipv4
        case 229: self = .ipv6
        case 9, 50: self = .ppp
        case 104: self = .ciscoHDLC
        default: return nil
        }
    }

    /// libpcap's name for the link type, as `pcap_datalink_val_to_name` prints it.
    public var name: String {
        switch self {
        case .ethernet: return "EN10MB"
        case .null: return "NULL"
        case .loop: return "LOOP"
        case .raw: return "RAW"
        case .linuxSLL: return "LINUX_SLL"
        case .linuxSLL2: return "LINUX_SLL2"
        case .ipv4: return "IPV4"
        case .ipv6: return "IPV6"
        case .ppp: return "PPP"
        case .ciscoHDLC: return "C_HDLC"
        }
    }
}
