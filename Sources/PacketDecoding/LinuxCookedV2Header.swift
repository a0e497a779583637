/// Linux "cooked" capture header v2, LINKTYPE_LINUX_SLL2 (276), what recent
/// libpcap writes for the `any` device:
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |         Protocol type         |           Reserved            |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                        Interface index                        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |          ARPHRD_ type         |  Packet type  | Address length|
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |             Link-layer address (8 bytes, zero-padded)         |
///     +                                                               +
///     |                                                               |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
struct LinuxCookedV2Header {
    enum Field {
        static let protocolType = 0..<2
        static let reserved = 2..<4
        static let interfaceIndex = 4..<8
        static let hardwareType = 8..<10
        static let packetType = 10..<11
        static let addressLength = 11..<12
        static let address = 12..<20
    }

    static let headerLength = Field.address.upperBound

    let bytes: UnsafeRawBufferPointer

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncated(.linuxSLL2, needed: Self.headerLength, captured: bytes.count)
        }
        self.bytes = bytes
    }

    var protocolType: UInt16 { bytes.bigEndianUInt16(Field.protocolType) }

    var interfaceIndex: UInt32 { bytes.bigEndianUInt32(Field.interfaceIndex) }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: Self.headerLength) }
}
