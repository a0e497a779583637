/// Ethernet II header (IEEE 802.3 with DIX type field):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                  Destination MAC address                      |
///     +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                               |                               |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
///     |                    Source MAC address                         |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |   EtherType or 802.3 length   |  Payload ...                  |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// On Linux `lo` both addresses are zero. Frame padding (to 60 bytes) is not
/// removed here: the IP layer drops it by its own length field.
struct EthernetFrame {
    enum Field {
        static let destination = 0..<6
        static let source = 6..<12
        static let etherType = 12..<14
    }

    static let headerLength = Field.etherType.upperBound

    let bytes: UnsafeRawBufferPointer

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncated(.ethernet, needed: Self.headerLength, captured: bytes.count)
        }
        self.bytes = bytes
    }

    /// An EtherType when >= 0x0600; an 802.3 length when <= 1500.
    var etherType: UInt16 { bytes.bigEndianUInt16(Field.etherType) }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: Self.headerLength) }
}
