/// One decoded TCP segment: the addressing from the IP layer and the TCP header fields.
///
/// `payload` points into the frame buffer and is valid only as long as that
/// buffer is; copy what must outlive it.
public struct TCPSegment {
    public var source: IPAddress
    public var destination: IPAddress
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    public var sequenceNumber: UInt32
    public var acknowledgmentNumber: UInt32
    public var flags: TCPFlags
    public var window: UInt16
    /// 4 or 6.
    public var ipVersion: Int
    /// TCP header length in bytes, options included (data offset times 4).
    public var headerLength: Int
    public var payload: UnsafeRawBufferPointer
    /// The frame was cut (caplen < len) inside the TCP payload: `payload` is
    /// only what was captured.
    public var payloadTruncated: Bool

    public init(
        source: IPAddress,
        destination: IPAddress,
        sourcePort: UInt16,
        destinationPort: UInt16,
        sequenceNumber: UInt32,
        acknowledgmentNumber: UInt32 = 0,
        flags: TCPFlags,
        window: UInt16 = 65535,
        ipVersion: Int = 4,
        headerLength: Int = 20,
        payload: UnsafeRawBufferPointer,
        payloadTruncated: Bool = false
    ) {
        self.source = source
        self.destination = destination
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.sequenceNumber = sequenceNumber
        self.acknowledgmentNumber = acknowledgmentNumber
        self.flags = flags
        self.window = window
        self.ipVersion = ipVersion
        self.headerLength = headerLength
        self.payload = payload
        self.payloadTruncated = payloadTruncated
    }
}
