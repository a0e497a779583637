/// One IEEE 802.1Q / 802.1ad tag, the 4 bytes that follow a 0x8100, 0x88A8
/// (or pre-standard 0x9100) EtherType:
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     | PCP |D|        VLAN ID        |      Inner EtherType          |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
struct VLANTag {
    enum Field {
        static let tagControl = 0..<2
        static let etherType = 2..<4
    }

    static let headerLength = Field.etherType.upperBound

    let bytes: UnsafeRawBufferPointer

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncated(.vlanTag, needed: Self.headerLength, captured: bytes.count)
        }
        self.bytes = bytes
    }

    var vlanID: UInt16 { bytes.bigEndianUInt16(Field.tagControl) & 0x0FFF }

    var etherType: UInt16 { bytes.bigEndianUInt16(Field.etherType) }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: Self.headerLength) }
}
