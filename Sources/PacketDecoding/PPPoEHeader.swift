/// PPPoE session header, EtherType 0x8864 (RFC 2516 section 4):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |  VER  | TYPE  |      CODE     |          SESSION_ID           |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |            LENGTH             |           payload (PPP)       ~
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// The payload is a PPP frame without address and control bytes, sliced by
/// LENGTH, which drops the Ethernet padding.
struct PPPoEHeader {
    enum Field {
        static let versionAndType = 0..<1
        static let code = 1..<2
        static let sessionID = 2..<4
        static let length = 4..<6
    }

    static let headerLength = Field.length.upperBound

    let bytes: UnsafeRawBufferPointer

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncated(.pppoe, needed: Self.headerLength, captured: bytes.count)
        }
        self.bytes = bytes
    }

    var sessionID: UInt16 { bytes.bigEndianUInt16(Field.sessionID) }
    var length: Int { Int(bytes.bigEndianUInt16(Field.length)) }

    /// The captured part of the PPP frame.
    var payload: UnsafeRawBufferPointer {
        bytes.rebased(Self.headerLength..<min(bytes.count, Self.headerLength + length))
    }
}
