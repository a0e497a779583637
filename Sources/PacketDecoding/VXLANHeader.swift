/// VXLAN header, UDP port 4789 (RFC 7348 section 5), followed by an Ethernet frame:
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |R|R|R|R|I|R|R|R|            Reserved                           |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                VXLAN Network Identifier (VNI) |   Reserved    |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
struct VXLANHeader {
    static let headerLength = 8

    let bytes: UnsafeRawBufferPointer

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncated(.vxlan, needed: Self.headerLength, captured: bytes.count)
        }
        self.bytes = bytes
    }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: Self.headerLength) }
}
