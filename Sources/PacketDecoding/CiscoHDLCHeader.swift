/// Cisco HDLC framing, LINKTYPE_C_HDLC (104):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |    Address    |    Control    |      Protocol (EtherType)     |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// The address is 0x0F (unicast) or 0x8F (broadcast) and the control byte 0;
/// neither matters for finding the IP packet, so neither is checked, as
/// Wireshark does not refuse other values either.
struct CiscoHDLCHeader {
    enum Field {
        static let address = 0..<1
        static let control = 1..<2
        static let protocolType = 2..<4
    }

    static let headerLength = Field.protocolType.upperBound

    let bytes: UnsafeRawBufferPointer

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncated(.ciscoHDLC, needed: Self.headerLength, captured: bytes.count)
        }
        self.bytes = bytes
    }

    var protocolType: UInt16 { bytes.bigEndianUInt16(Field.protocolType) }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: Self.headerLength) }
}
