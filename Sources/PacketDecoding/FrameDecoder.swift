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

/// Walks the layers of one frame; each step names the next layer, as gopacket's decoders do.
struct FrameDecoder {
    private enum EtherType {
        static let ipv4: UInt16 = 0x0800
        static let ipv6: UInt16 = 0x86DD
        /// Values up to 1500 are 802.3 frame lengths, not EtherTypes.
        static let maximumLength: UInt16 = 1500

        /// 802.1Q, 802.1ad (QinQ outer tag), and the pre-standard QinQ value.
        static func isVLANTag(_ value: UInt16) -> Bool {
            value == 0x8100 || value == 0x88A8 || value == 0x9100
        }
    }

    private static let tcpProtocol: UInt8 = 6

    func decode(_ frame: UnsafeRawBufferPointer, linkType: LinkType) throws(DecodeError) -> FrameDecoding {
        switch linkType {
        case .ethernet:
            let ethernet = try EthernetFrame(checking: frame)
            return try decode(etherType: ethernet.etherType, payload: ethernet.payload)
        case .null, .loop:
            let header = try NullLoopbackHeader(checking: frame)
            guard header.isIP else { return .notTCP("NULL/LOOP address family \(header.family)") }
            return try decodeIP(header.payload)
        case .raw:
            return try decodeIP(frame)
        case .linuxSLL:
            let header = try LinuxCookedHeader(checking: frame)
            return try decode(etherType: header.protocolType, payload: header.payload)
        case .linuxSLL2:
            let header = try LinuxCookedV2Header(checking: frame)
            return try decode(etherType: header.protocolType, payload: header.payload)
        case .ipv4:
            return try decodeIPv4(frame)
        case .ipv6:
            return try decodeIPv6(frame)
        }
    }

    /// Steps over any number of VLAN tags; each tag consumes 4 bytes, so the loop ends.
    private func decode(etherType: UInt16, payload: UnsafeRawBufferPointer) throws(DecodeError) -> FrameDecoding {
        var etherType = etherType
        var payload = payload
        while EtherType.isVLANTag(etherType) {
            let tag = try VLANTag(checking: payload)
            etherType = tag.etherType
            payload = tag.payload
        }
        switch etherType {
        case EtherType.ipv4:
            return try decodeIPv4(payload)
        case EtherType.ipv6:
            return try decodeIPv6(payload)
        case ...EtherType.maximumLength:
            return .notTCP("802.3 LLC")
        default:
            return .notTCP(ProtocolNames.etherType(etherType))
        }
    }

    /// For link types without a trustworthy protocol field: the version nibble decides.
    private func decodeIP(_ bytes: UnsafeRawBufferPointer) throws(DecodeError) -> FrameDecoding {
        guard let first = bytes.first else { throw .truncated(.ipVersion, needed: 1, captured: 0) }
        switch first >> 4 {
        case 4: return try decodeIPv4(bytes)
        case 6: return try decodeIPv6(bytes)
        default: throw .unknownIPVersion(Int(first >> 4))
        }
    }

    private func decodeIPv4(_ bytes: UnsafeRawBufferPointer) throws(DecodeError) -> FrameDecoding {
        let packet = try IPv4Packet(checking: bytes)
        guard packet.fragmentOffset == 0 else { return .notTCP("IPv4 fragment") }
        guard packet.protocolNumber == Self.tcpProtocol else {
            return .notTCP(ProtocolNames.notTCP(ipVersion: 4, protocolNumber: packet.protocolNumber))
        }
        return try decodeTCP(
            packet.payload,
            declaredLength: packet.declaredPayloadLength,
            addresses: (packet.source, packet.destination),
            ipVersion: 4,
            isFirstFragment: packet.moreFragments
        )
    }

    private func decodeIPv6(_ bytes: UnsafeRawBufferPointer) throws(DecodeError) -> FrameDecoding {
        let packet = try IPv6Packet(checking: bytes)
        var nextHeader = packet.nextHeader
        var payload = packet.payload
        var declaredLength = packet.declaredPayloadLength
        var isFirstFragment = false
        // Each extension header is at least 8 bytes long, so this loop ends.
        while IPv6ExtensionHeader.isSkippable(nextHeader) {
            let header = try IPv6ExtensionHeader(checking: payload, type: nextHeader, declaredRemaining: declaredLength)
            guard header.fragmentOffset == 0 else { return .notTCP("IPv6 fragment") }
            isFirstFragment = isFirstFragment || header.moreFragments
            nextHeader = header.nextHeader
            payload = header.payload
            declaredLength -= header.length
        }
        guard nextHeader == Self.tcpProtocol else {
            return .notTCP(ProtocolNames.notTCP(ipVersion: 6, protocolNumber: nextHeader))
        }
        return try decodeTCP(
            payload,
            declaredLength: declaredLength,
            addresses: (packet.source, packet.destination),
            ipVersion: 6,
            isFirstFragment: isFirstFragment
        )
    }

    /// A first fragment's payload is only the start of the segment, so it counts as truncated.
    private func decodeTCP(
        _ bytes: UnsafeRawBufferPointer,
        declaredLength: Int,
        addresses: (source: IPAddress, destination: IPAddress),
        ipVersion: Int,
        isFirstFragment: Bool
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
            payloadTruncated: tcp.isTruncated || isFirstFragment
        ))
    }
}
