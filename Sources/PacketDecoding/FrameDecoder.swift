/// Decodes one captured frame down to its TCP segment, without copying or allocating.
///
/// - Parameters:
///   - frame: the captured bytes (pcap's `caplen` of them).
///   - linkType: the capture's link type.
///   - originalLength: the frame's length on the wire (pcap's `len`), when
///     known. An IP length field that claims more bytes than the frame holds
///     gives a segment with `payloadTruncated` and the captured bytes, whether
///     the snap length cut the frame or the field lies: either way the
///     captured bytes are what there is to search.
public func decodeFrame(
    _ frame: UnsafeRawBufferPointer,
    linkType: LinkType,
    originalLength: Int? = nil
) -> FrameDecoding {
    let decoder = FrameDecoder()
    do throws(DecodeError) {
        return try decoder.decode(frame, linkType: linkType)
    } catch {
        return .malformed(error)
    }
}

/// Decodes the payload of a reassembled IP datagram: TCP, or a tunnel
/// carried in fragments, as if it had come in one frame.
public func decodeDatagram(
    _ payload: UnsafeRawBufferPointer, protocolNumber: UInt8, key: IPFragment.DatagramKey
) -> FrameDecoding {
    do throws(DecodeError) {
        return try FrameDecoder().decodeIPPayload(
            payload, protocolNumber: protocolNumber, declaredLength: payload.count,
            addresses: (key.source, key.destination), ipVersion: key.ipVersion, depth: 1)
    } catch {
        return .malformed(error)
    }
}

/// Walks the layers of one frame; each step names the next layer, as gopacket's decoders do.
///
/// Tunnels (IP in IP, GRE, PPPoE) lead back into the same steps with a
/// depth one higher, and a frame nested deeper than `maximumDepth` is
/// reported as undecoded: every layer consumes bytes, so the walk would end
/// anyway, but a hostile frame of a thousand nested headers should not cost
/// a thousand stack frames.
struct FrameDecoder {
    enum EtherType {
        static let ipv4: UInt16 = 0x0800
        static let ipv6: UInt16 = 0x86DD
        static let pppoeDiscovery: UInt16 = 0x8863
        static let pppoeSession: UInt16 = 0x8864
        static let transparentEthernet: UInt16 = 0x6558
        static let erspan: UInt16 = 0x88BE
        static let erspanTypeIII: UInt16 = 0x22EB
        static let ppp: UInt16 = 0x880B
        static let wccp: UInt16 = 0x883E
        static let mplsUnicast: UInt16 = 0x8847
        static let mplsMulticast: UInt16 = 0x8848
        /// Values up to 1500 are 802.3 frame lengths, not EtherTypes.
        static let maximumLength: UInt16 = 1500

        /// 802.1Q, 802.1ad (QinQ outer tag), and the pre-standard QinQ value.
        static func isVLANTag(_ value: UInt16) -> Bool {
            value == 0x8100 || value == 0x88A8 || value == 0x9100
        }

        /// Encapsulations that may carry TCP and are not opened, by name.
        static func undecodedEncapsulation(_ value: UInt16) -> String? {
            switch value {
            case 0x893F: return "inside an E-tag (802.1BR) header"
            case 0x88E7: return "inside PBB (802.1ah, MAC-in-MAC)"
            case 0x88E5: return "inside MACsec (encrypted)"
            case erspanTypeIII: return "inside an ERSPAN type III session"
            case 0x894F: return "inside an NSH service header"
            default: return nil
            }
        }
    }

    enum IPProtocol {
        static let ipv4InIP: UInt8 = 4
        static let tcp: UInt8 = 6
        static let udp: UInt8 = 17
        static let ipv6InIP: UInt8 = 41
        static let gre: UInt8 = 47
        static let authentication: UInt8 = 51
        static let l2tpV3: UInt8 = 115
        static let ipComp: UInt8 = 108
    }

    enum UDPPort {
        static let vxlan: UInt16 = 4789
        static let geneve: UInt16 = 6081
    }

    /// UDP ports of tunnels that may carry TCP and are not opened.
    static func udpTunnel(sourcePort: UInt16, destinationPort: UInt16) -> String? {
        for port in [destinationPort, sourcePort] {
            switch port {
            case 1701: return "inside an L2TP tunnel"
            case 2152: return "inside a GTP-U tunnel"
            case 3544: return "inside a Teredo tunnel"
            default: continue
            }
        }
        return nil
    }

    static let maximumDepth = 8
    /// ERSPAN type II's header after GRE (type I has none: no GRE sequence number).
    static let erspanTypeIIHeaderLength = 8
    static let udpHeaderLength = 8

    func decode(_ frame: UnsafeRawBufferPointer, linkType: LinkType) throws(DecodeError) -> FrameDecoding {
        switch linkType {
        case .ethernet:
            return try decodeEthernet(frame, depth: 0)
        case .null, .loop:
            let header = try NullLoopbackHeader(checking: frame)
            guard header.isIP else { return .notTCP("NULL/LOOP address family \(header.family)") }
            return try decodeIP(header.payload, depth: 0)
        case .raw:
            return try decodeIP(frame, depth: 0)
        case .linuxSLL:
            let header = try LinuxCookedHeader(checking: frame)
            return try decode(etherType: header.protocolType, payload: header.payload, depth: 0)
        case .linuxSLL2:
            let header = try LinuxCookedV2Header(checking: frame)
            return try decode(etherType: header.protocolType, payload: header.payload, depth: 0)
        case .ipv4:
            return try decodeIPv4(frame, depth: 0)
        case .ipv6:
            return try decodeIPv6(frame, depth: 0)
        case .ppp:
            return try decodePPP(frame, depth: 0)
        case .ciscoHDLC:
            let header = try CiscoHDLCHeader(checking: frame)
            return try decode(etherType: header.protocolType, payload: header.payload, depth: 0)
        }
    }

    private func decodeEthernet(_ bytes: UnsafeRawBufferPointer, depth: Int) throws(DecodeError) -> FrameDecoding {
        let ethernet = try EthernetFrame(checking: bytes)
        return try decode(etherType: ethernet.etherType, payload: ethernet.payload, depth: depth)
    }

    /// Steps over any number of VLAN tags (QinQ included); each tag consumes 4 bytes, so the loop ends.
    private func decode(etherType: UInt16, payload: UnsafeRawBufferPointer, depth: Int) throws(DecodeError) -> FrameDecoding {
        var etherType = etherType
        var payload = payload
        while EtherType.isVLANTag(etherType) {
            let tag = try VLANTag(checking: payload)
            etherType = tag.etherType
            payload = tag.payload
        }
        switch etherType {
        case EtherType.ipv4:
            return try decodeIPv4(payload, depth: depth)
        case EtherType.ipv6:
            return try decodeIPv6(payload, depth: depth)
        case EtherType.pppoeSession:
            let header = try PPPoEHeader(checking: payload)
            return try decodePPP(header.payload, depth: depth)
        case EtherType.pppoeDiscovery:
            return .notTCP("PPPoE discovery")
        case EtherType.mplsUnicast, EtherType.mplsMulticast:
            return try decodeMPLS(payload, depth: depth)
        case ...EtherType.maximumLength:
            return .notTCP("802.3 LLC")
        default:
            if let name = EtherType.undecodedEncapsulation(etherType) { return .undecoded(name) }
            return .notTCP(ProtocolNames.etherType(etherType))
        }
    }

    private func decodeMPLS(_ bytes: UnsafeRawBufferPointer, depth: Int) throws(DecodeError) -> FrameDecoding {
        let stack = try MPLSLabelStack(checking: bytes)
        switch stack.payload.first.map({ $0 >> 4 }) {
        case 4: return try decodeIPv4(stack.payload, depth: depth)
        case 6: return try decodeIPv6(stack.payload, depth: depth)
        default: return .undecoded("inside an MPLS pseudowire")
        }
    }

    private func decodePPP(_ bytes: UnsafeRawBufferPointer, depth: Int) throws(DecodeError) -> FrameDecoding {
        let header = try PPPHeader(checking: bytes)
        switch header.protocolNumber {
        case PPPHeader.ProtocolNumber.ipv4: return try decodeIPv4(header.payload, depth: depth)
        case PPPHeader.ProtocolNumber.ipv6: return try decodeIPv6(header.payload, depth: depth)
        case PPPHeader.ProtocolNumber.mplsUnicast, PPPHeader.ProtocolNumber.mplsMulticast:
            return try decodeMPLS(header.payload, depth: depth)
        case PPPHeader.ProtocolNumber.vanJacobsonCompressed, PPPHeader.ProtocolNumber.vanJacobsonUncompressed:
            return .undecoded("of Van Jacobson compressed TCP/IP")
        default: return .notTCP("PPP protocol 0x" + ProtocolNames.hex(header.protocolNumber, digits: 4))
        }
    }

    /// For link types without a trustworthy protocol field: the version nibble decides.
    private func decodeIP(_ bytes: UnsafeRawBufferPointer, depth: Int) throws(DecodeError) -> FrameDecoding {
        guard let first = bytes.first else { throw .truncated(.ipVersion, needed: 1, captured: 0) }
        switch first >> 4 {
        case 4: return try decodeIPv4(bytes, depth: depth)
        case 6: return try decodeIPv6(bytes, depth: depth)
        default: throw .unknownIPVersion(Int(first >> 4))
        }
    }

    private func decodeIPv4(_ bytes: UnsafeRawBufferPointer, depth: Int) throws(DecodeError) -> FrameDecoding {
        let packet = try IPv4Packet(checking: bytes)
        if packet.fragmentOffset != 0 || packet.moreFragments {
            // As Wireshark: a fragment the capture cut short is not reassembled;
            // the first one is decoded for what it holds.
            guard packet.payload.count == packet.declaredPayloadLength else {
                guard packet.fragmentOffset == 0 else { return .notTCP("IPv4 fragment cut short by the capture") }
                return try decodeIPPayload(
                    packet.payload, protocolNumber: packet.protocolNumber, declaredLength: packet.declaredPayloadLength,
                    addresses: (packet.source, packet.destination), ipVersion: 4, depth: depth)
            }
            return .fragment(IPFragment(
                key: .init(
                    ipVersion: 4, source: packet.source, destination: packet.destination,
                    protocolKey: packet.protocolNumber, identification: UInt32(packet.identification)),
                protocolNumber: packet.protocolNumber, offset: Int(packet.fragmentOffset) * 8,
                moreFragments: packet.moreFragments, payload: packet.payload, declaredLength: packet.declaredPayloadLength))
        }
        return try decodeIPPayload(
            packet.payload, protocolNumber: packet.protocolNumber, declaredLength: packet.declaredPayloadLength,
            addresses: (packet.source, packet.destination), ipVersion: 4, depth: depth)
    }

    private func decodeIPv6(_ bytes: UnsafeRawBufferPointer, depth: Int) throws(DecodeError) -> FrameDecoding {
        let packet = try IPv6Packet(checking: bytes)
        var nextHeader = packet.nextHeader
        var payload = packet.payload
        var declaredLength = packet.declaredPayloadLength
        // Each extension header is at least 8 bytes long, so this loop ends.
        while IPv6ExtensionHeader.isSkippable(nextHeader) {
            let header = try IPv6ExtensionHeader(checking: payload, type: nextHeader, declaredRemaining: declaredLength)
            nextHeader = header.nextHeader
            payload = header.payload
            declaredLength -= header.length
            // RFC 8200 4.5: what follows a Fragment header is the fragmentable
            // part; an atomic fragment (offset 0, no more) is a whole packet.
            if header.type == IPv6ExtensionHeader.Kind.fragment, header.fragmentOffset != 0 || header.moreFragments {
                guard payload.count == declaredLength else {
                    guard header.fragmentOffset == 0 else { return .notTCP("IPv6 fragment cut short by the capture") }
                    return try decodeIPPayload(
                        payload, protocolNumber: nextHeader, declaredLength: declaredLength,
                        addresses: (packet.source, packet.destination), ipVersion: 6, depth: depth)
                }
                return .fragment(IPFragment(
                    key: .init(
                        ipVersion: 6, source: packet.source, destination: packet.destination,
                        protocolKey: 0, identification: header.fragmentIdentification),
                    protocolNumber: nextHeader, offset: Int(header.fragmentOffset) * 8,
                    moreFragments: header.moreFragments, payload: payload, declaredLength: declaredLength))
            }
        }
        return try decodeIPPayload(
            payload, protocolNumber: nextHeader, declaredLength: declaredLength,
            addresses: (packet.source, packet.destination), ipVersion: 6, depth: depth)
    }

    /// What an IP header's protocol field leads to: TCP, a tunnel, or something else.
    func decodeIPPayload(
        _ bytes: UnsafeRawBufferPointer, protocolNumber: UInt8, declaredLength: Int,
        addresses: (source: IPAddress, destination: IPAddress), ipVersion: Int, depth: Int
    ) throws(DecodeError) -> FrameDecoding {
        switch protocolNumber {
        case IPProtocol.tcp:
            return try decodeTCP(bytes, declaredLength: declaredLength, addresses: addresses, ipVersion: ipVersion)
        case IPProtocol.ipv4InIP, IPProtocol.ipv6InIP, IPProtocol.gre:
            guard depth < Self.maximumDepth else { return .undecoded("inside more than \(Self.maximumDepth) nested tunnels") }
            if protocolNumber == IPProtocol.gre { return try decodeGRE(bytes, depth: depth + 1) }
            return protocolNumber == IPProtocol.ipv4InIP
                ? try decodeIPv4(bytes, depth: depth + 1) : try decodeIPv6(bytes, depth: depth + 1)
        case IPProtocol.udp where bytes.count >= Self.udpHeaderLength:
            let ports = (source: bytes.bigEndianUInt16(0..<2), destination: bytes.bigEndianUInt16(2..<4))
            let payload = bytes.rebased(from: Self.udpHeaderLength)
            if ports.destination == UDPPort.vxlan || ports.destination == UDPPort.geneve {
                guard depth < Self.maximumDepth else { return .undecoded("inside more than \(Self.maximumDepth) nested tunnels") }
                if ports.destination == UDPPort.vxlan {
                    return try decodeEthernet(try VXLANHeader(checking: payload).payload, depth: depth + 1)
                }
                let geneve = try GeneveHeader(checking: payload)
                guard geneve.version == 0 else { return .undecoded("inside a Geneve version \(geneve.version) tunnel") }
                return geneve.protocolType == EtherType.transparentEthernet
                    ? try decodeEthernet(geneve.payload, depth: depth + 1)
                    : try decode(etherType: geneve.protocolType, payload: geneve.payload, depth: depth + 1)
            }
            let tunnel = Self.udpTunnel(sourcePort: ports.source, destinationPort: ports.destination)
            return tunnel.map { .undecoded($0) } ?? .notTCP(ProtocolNames.notTCP(ipVersion: ipVersion, protocolNumber: protocolNumber))
        case IPProtocol.authentication:
            // RFC 4302 section 2: Next Header, then Payload Length in 4-byte words minus 2.
            guard bytes.count >= 2 else { throw .truncated(.authentication, needed: 2, captured: bytes.count) }
            let length = (Int(bytes[1]) + 2) * 4
            guard bytes.count >= length, declaredLength >= length else {
                throw .truncated(.authentication, needed: length, captured: bytes.count)
            }
            guard depth < Self.maximumDepth else { return .undecoded("inside more than \(Self.maximumDepth) nested tunnels") }
            return try decodeIPPayload(
                bytes.rebased(from: length), protocolNumber: bytes[0], declaredLength: declaredLength - length,
                addresses: addresses, ipVersion: ipVersion, depth: depth + 1)
        case IPProtocol.l2tpV3:
            return .undecoded("inside an L2TPv3 tunnel")
        case IPProtocol.ipComp:
            return .undecoded("inside IPComp (a compressed IP payload)")
        default:
            return .notTCP(ProtocolNames.notTCP(ipVersion: ipVersion, protocolNumber: protocolNumber))
        }
    }

    private func decodeGRE(_ bytes: UnsafeRawBufferPointer, depth: Int) throws(DecodeError) -> FrameDecoding {
        let gre = try GREHeader(checking: bytes)
        guard gre.version <= 1, !gre.hasRouting else { return .undecoded(gre.hasRouting ? "inside a source-routed GRE tunnel" : "inside a GRE version \(gre.version) tunnel") }
        switch gre.protocolType {
        case EtherType.transparentEthernet:
            return try decodeEthernet(gre.payload, depth: depth)
        case EtherType.erspan:
            // ERSPAN type I has no GRE sequence number and no header of its own; type II has both.
            guard gre.hasSequenceNumber else { return try decodeEthernet(gre.payload, depth: depth) }
            guard gre.payload.count >= Self.erspanTypeIIHeaderLength else {
                throw .truncated(.gre, needed: gre.headerLength + Self.erspanTypeIIHeaderLength, captured: bytes.count)
            }
            return try decodeEthernet(gre.payload.rebased(from: Self.erspanTypeIIHeaderLength), depth: depth)
        case EtherType.wccp:
            // WCCP redirection: a 4-byte redirect header, absent when IPv4 follows at once.
            let payload = gre.payload.first.map { $0 >> 4 } == 4 ? gre.payload : gre.payload.rebased(from: min(4, gre.payload.count))
            return try decodeIPv4(payload, depth: depth)
        case EtherType.ppp:
            // PPTP's enhanced GRE: a payload length of 0 is an acknowledgment alone.
            guard gre.pptpPayloadLength != 0 else { return .notTCP("PPTP GRE acknowledgment") }
            return try decodePPP(gre.payload, depth: depth)
        default:
            return try decode(etherType: gre.protocolType, payload: gre.payload, depth: depth)
        }
    }

    private func decodeTCP(
        _ bytes: UnsafeRawBufferPointer,
        declaredLength: Int,
        addresses: (source: IPAddress, destination: IPAddress),
        ipVersion: Int
    ) throws(DecodeError) -> FrameDecoding {
        let tcp = try TCPPacket(checking: bytes, declaredLength: declaredLength)
        return .tcp(TCPSegment(
            source: addresses.source,
            destination: addresses.destination,
            sourcePort: tcp.sourcePort,
            destinationPort: tcp.destinationPort,
            sequenceNumber: tcp.sequenceNumber,
            acknowledgmentNumber: tcp.acknowledgmentNumber,
            flags: tcp.flags,
            window: tcp.window,
            ipVersion: ipVersion,
            headerLength: tcp.headerLength,
            payload: tcp.payload,
            payloadTruncated: tcp.isTruncated
        ))
    }
}
