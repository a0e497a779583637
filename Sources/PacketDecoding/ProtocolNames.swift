/// Display names for the protocols a frame can carry instead of TCP.
enum ProtocolNames {
    static func etherType(_ value: UInt16) -> String {
        switch value {
        case 0x0806: return "ARP"
        case 0x8035: return "RARP"
        case 0x88CC: return "LLDP"
        default: return "EtherType 0x" + hex(value, digits: 4)
        }
    }

    static func ipProtocol(_ value: UInt8) -> String? {
        switch value {
        case 0: return "Hop-by-Hop"
        case 1: return "ICMP"
        case 2: return "IGMP"
        case 4: return "IPv4-in-IP"
        case 17: return "UDP"
        case 41: return "IPv6-in-IP"
        case 43: return "Routing"
        case 44: return "Fragment"
        case 47: return "GRE"
        case 50: return "ESP"
        case 51: return "AH"
        case 58: return "ICMPv6"
        case 59: return "No Next Header"
        case 60: return "Destination Options"
        case 132: return "SCTP"
        case 136: return "UDP-Lite"
        default: return nil
        }
    }

    /// "IPv4 protocol 17 (UDP)" / "IPv6 next header 58 (ICMPv6)".
    static func notTCP(ipVersion: Int, protocolNumber: UInt8) -> String {
        let field = ipVersion == 4 ? "IPv4 protocol" : "IPv6 next header"
        guard let name = ipProtocol(protocolNumber) else { return "\(field) \(protocolNumber)" }
        return "\(field) \(protocolNumber) (\(name))"
    }

    static func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
