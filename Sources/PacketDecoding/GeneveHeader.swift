/// Geneve header, UDP port 6081 (RFC 8926 section 3.4):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |        Virtual Network Identifier (VNI)       |    Reserved   |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                    Variable-Length Options                    |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// Opt Len counts the options in 4-byte words; the Protocol Type is an
/// EtherType (0x6558 for an Ethernet frame).
struct GeneveHeader {
    enum Field {
        static let versionAndOptionLength = 0..<1
        static let flags = 1..<2
        static let protocolType = 2..<4
    }

    static let fixedLength = 8

    let bytes: UnsafeRawBufferPointer
    let headerLength: Int

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.fixedLength else {
            throw .truncated(.geneve, needed: Self.fixedLength, captured: bytes.count)
        }
        let length = Self.fixedLength + Int(bytes[Field.versionAndOptionLength.lowerBound] & 0x3F) * 4
        guard bytes.count >= length else { throw .truncated(.geneve, needed: length, captured: bytes.count) }
        self.bytes = bytes
        self.headerLength = length
    }

    var version: UInt8 { bytes[Field.versionAndOptionLength.lowerBound] >> 6 }
    var protocolType: UInt16 { bytes.bigEndianUInt16(Field.protocolType) }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: headerLength) }
}
