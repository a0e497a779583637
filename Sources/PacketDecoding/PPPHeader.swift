/// The PPP header of LINKTYPE_PPP (9), of PPPoE sessions and of GRE version 1
/// (RFC 1661 section 2, RFC 1662 section 3.1):
///
///     +----------+----------+----------+----------+-----------
///     | Address  | Control  |       Protocol      | Information
///     |   0xFF   |   0x03   |  (1 or 2 bytes)     |
///     +----------+----------+----------+----------+-----------
///
/// The address and control bytes are optional (RFC 1662 address-and-control
/// field compression), and so is the protocol's first byte when it is zero
/// (protocol field compression): a protocol's last byte is always odd, its
/// first byte always even, so the first byte tells which form was sent.
struct PPPHeader {
    enum ProtocolNumber {
        static let ipv4: UInt16 = 0x0021
        static let ipv6: UInt16 = 0x0057
        static let vanJacobsonCompressed: UInt16 = 0x002D
        static let vanJacobsonUncompressed: UInt16 = 0x002F
        static let mplsUnicast: UInt16 = 0x0281
        static let mplsMulticast: UInt16 = 0x0283
    }

    enum Field {
        static let addressAndControl = 0..<2
    }

    let bytes: UnsafeRawBufferPointer
    let protocolNumber: UInt16
    let headerLength: Int

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        // 0xFF is the all-stations address, never a protocol's first byte.
        var start = 0
        if bytes.first == 0xFF {
            guard bytes.count >= Field.addressAndControl.upperBound else {
                throw .truncated(.ppp, needed: Field.addressAndControl.upperBound, captured: bytes.count)
            }
            start = Field.addressAndControl.upperBound
        }
        guard bytes.count > start else { throw .truncated(.ppp, needed: start + 1, captured: bytes.count) }
        if bytes[start] & 1 == 1 {
            protocolNumber = UInt16(bytes[start])
            headerLength = start + 1
        } else {
            guard bytes.count >= start + 2 else { throw .truncated(.ppp, needed: start + 2, captured: bytes.count) }
            protocolNumber = bytes.bigEndianUInt16(start..<(start + 2))
            headerLength = start + 2
        }
        self.bytes = bytes
    }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: headerLength) }
}
