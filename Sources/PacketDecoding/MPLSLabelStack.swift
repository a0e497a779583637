/// An MPLS label stack, EtherType 0x8847/0x8848 (RFC 3032 section 2.1):
/// 4-byte entries until the one with the Bottom of Stack bit.
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                Label                  | TC  |S|       TTL     |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// The stack does not say what follows it; an IP header is told by its
/// version nibble, as Wireshark does. Anything else (a pseudowire's control
/// word, an Ethernet frame) is not opened.
struct MPLSLabelStack {
    static let entryLength = 4

    let bytes: UnsafeRawBufferPointer
    let length: Int

    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        var offset = 0
        while true {
            guard bytes.count >= offset + Self.entryLength else {
                throw .truncated(.mpls, needed: offset + Self.entryLength, captured: bytes.count)
            }
            let bottomOfStack = bytes[offset + 2] & 1 == 1
            offset += Self.entryLength
            if bottomOfStack { break }
        }
        self.bytes = bytes
        self.length = offset
    }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: length) }
}
