/// Generic Routing Encapsulation, IP protocol 47 (RFC 2784, RFC 2890; version
/// 1 is PPTP's enhanced GRE, RFC 2637 section 4.1):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |      Checksum (optional)      |  Offset / Reserved (optional) |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                         Key (optional)                        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                    Sequence Number (optional)                 |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |            Acknowledgment Number (optional, version 1)        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// C or R adds the checksum word, K the key, S the sequence number, and A
/// (version 1) the acknowledgment number. Source routing (R with routing
/// entries, RFC 1701) is obsolete and not followed.
struct GREHeader {
    enum Field {
        static let flagsAndVersion = 0..<2
        static let protocolType = 2..<4
    }

    enum Flag {
        static let checksum: UInt16 = 0x8000
        static let routing: UInt16 = 0x4000
        static let key: UInt16 = 0x2000
        static let sequence: UInt16 = 0x1000
        static let acknowledgment: UInt16 = 0x0080
    }

    static let fixedLength = Field.protocolType.upperBound

    let bytes: UnsafeRawBufferPointer
    let headerLength: Int

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.fixedLength else {
            throw .truncated(.gre, needed: Self.fixedLength, captured: bytes.count)
        }
        let flags = bytes.bigEndianUInt16(Field.flagsAndVersion)
        var length = Self.fixedLength
        if flags & (Flag.checksum | Flag.routing) != 0 { length += 4 }
        if flags & Flag.key != 0 { length += 4 }
        if flags & Flag.sequence != 0 { length += 4 }
        if flags & 0x7 == 1, flags & Flag.acknowledgment != 0 { length += 4 }
        guard bytes.count >= length else { throw .truncated(.gre, needed: length, captured: bytes.count) }
        self.bytes = bytes
        self.headerLength = length
    }

    var flags: UInt16 { bytes.bigEndianUInt16(Field.flagsAndVersion) }
    var version: UInt16 { flags & 0x7 }
    var hasSequenceNumber: Bool { flags & Flag.sequence != 0 }
    var hasRouting: Bool { flags & Flag.routing != 0 }
    /// Version 1 puts the PPP payload's length in the key's first half (RFC 2637 4.1): 0 for an acknowledgment alone.
    var pptpPayloadLength: Int? {
        guard version == 1, flags & Flag.key != 0, flags & (Flag.checksum | Flag.routing) == 0 else { return nil }
        return Int(bytes.bigEndianUInt16(Self.fixedLength..<(Self.fixedLength + 2)))
    }

    /// An EtherType: 0x0800, 0x86DD, 0x6558 (bridged Ethernet), 0x88BE (ERSPAN), 0x880B (PPP).
    var protocolType: UInt16 { bytes.bigEndianUInt16(Field.protocolType) }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: headerLength) }
}
