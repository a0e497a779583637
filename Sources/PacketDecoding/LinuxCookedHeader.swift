/// Linux "cooked" capture header, LINKTYPE_LINUX_SLL (113), written when
/// capturing on the `any` device:
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |          Packet type          |      ARPHRD_ type             |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     | Link-layer address length     |                               |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
///     |             Link-layer address (8 bytes, zero-padded)         |
///     +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                               |        Protocol type          |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
struct LinuxCookedHeader {
    enum Field {
        static let packetType = 0..<2
        static let hardwareType = 2..<4
        static let addressLength = 4..<6
        static let address = 6..<14
        static let protocolType = 14..<16
    }

    static let headerLength = Field.protocolType.upperBound

    let bytes: UnsafeRawBufferPointer

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncated(.linuxSLL, needed: Self.headerLength, captured: bytes.count)
        }
        self.bytes = bytes
    }

    /// An EtherType for the protocols we care about (0x0800, 0x86DD).
    var protocolType: UInt16 { bytes.bigEndianUInt16(Field.protocolType) }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: Self.headerLength) }
}
