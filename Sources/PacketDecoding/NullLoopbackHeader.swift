/// BSD loopback header of DLT_NULL and DLT_LOOP: one 32-bit address family.
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                    Address family (AF_*)                      |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// DLT_NULL stores the family in the writer's byte order and DLT_LOOP in
/// network order, but files from Npcap, macOS and the BSDs are mixed up in
/// practice, so both orders are accepted. AF_INET is 2 everywhere; AF_INET6 is
/// 24 (NetBSD, OpenBSD), 28 (FreeBSD), 30 (macOS) or 23 (Windows). The IP
/// version nibble, not the family, then decides between IPv4 and IPv6.
struct NullLoopbackHeader {
    enum Field {
        static let family = 0..<4
    }

    static let headerLength = Field.family.upperBound

    let bytes: UnsafeRawBufferPointer

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncated(.nullLoopback, needed: Self.headerLength, captured: bytes.count)
        }
        self.bytes = bytes
    }

    /// The family as the writer most likely meant it: the smaller of the two
    /// byte-order readings, since every AF_ value is small.
    var family: UInt32 {
        let networkOrder = bytes.bigEndianUInt32(Field.family)
        return min(networkOrder, networkOrder.byteSwapped)
    }

    var isIP: Bool {
        switch family {
        case 2, 23, 24, 28, 30: return true
        default: return false
        }
    }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: Self.headerLength) }
}
