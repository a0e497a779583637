/// One fragment of an IPv4 datagram (RFC 791 section 3.2) or of an IPv6
/// packet (RFC 8200 section 4.5), as the frame carried it.
///
/// `payload` points into the frame buffer, like a `TCPSegment`'s; the
/// reassembler copies it.
public struct IPFragment {
    /// What identifies the datagram the fragment belongs to (RFC 791: source,
    /// destination, protocol and identification; RFC 8200: source,
    /// destination and identification).
    public struct DatagramKey: Hashable, Sendable {
        public var ipVersion: Int
        public var source: IPAddress
        public var destination: IPAddress
        /// IPv4's protocol field; 0 for IPv6, whose key does not include it.
        public var protocolKey: UInt8
        public var identification: UInt32
    }

    public var key: DatagramKey
    /// The protocol the reassembled payload holds (for IPv6, the fragment
    /// header's Next Header; the first fragment's is the one that counts).
    public var protocolNumber: UInt8
    /// Byte offset of `payload` within the datagram's payload.
    public var offset: Int
    /// More fragments follow; false for the last one, which fixes the length.
    public var moreFragments: Bool
    public var payload: UnsafeRawBufferPointer
    /// The payload bytes the IP header declares; more than `payload.count`
    /// when the capture cut the frame.
    public var declaredLength: Int

    public init(
        key: DatagramKey, protocolNumber: UInt8, offset: Int, moreFragments: Bool,
        payload: UnsafeRawBufferPointer, declaredLength: Int
    ) {
        self.key = key
        self.protocolNumber = protocolNumber
        self.offset = offset
        self.moreFragments = moreFragments
        self.payload = payload
        self.declaredLength = declaredLength
    }
}
