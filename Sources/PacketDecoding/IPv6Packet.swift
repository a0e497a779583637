/// IPv6 fixed header (RFC 8200, section 3):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |Version| Traffic Class |           Flow Label                  |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |         Payload Length        |  Next Header  |   Hop Limit   |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                                                               |
///     +                                                               +
///     |                         Source Address                        |
///     +                                                               +
///     |                                                               |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                                                               |
///     +                                                               +
///     |                      Destination Address                      |
///     +                                                               +
///     |                                                               |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// The payload is sliced by Payload Length, which drops link padding. A
/// Payload Length of 0 (a jumbogram, or segmentation offload) takes the
/// captured bytes as the payload.
struct IPv6Packet {
    enum Field {
        static let versionClassAndFlow = 0..<4
        static let payloadLength = 4..<6
        static let nextHeader = 6..<7
        static let hopLimit = 7..<8
        static let source = 8..<24
        static let destination = 24..<40
    }

    static let headerLength = Field.destination.upperBound

    let bytes: UnsafeRawBufferPointer
    private let capturedEnd: Int
    let declaredPayloadLength: Int

    /// A payload length beyond the captured bytes keeps what was captured (see `IPv4Packet.init(checking:)`).
    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncated(.ipv6, needed: Self.headerLength, captured: bytes.count)
        }
        let version = Int(bytes[Field.versionClassAndFlow.lowerBound] >> 4)
        guard version == 6 else { throw .ipVersionMismatch(expected: 6, found: version) }
        let capturedPayload = bytes.count - Self.headerLength
        var payloadLength = Int(bytes.bigEndianUInt16(Field.payloadLength))
        if payloadLength == 0 {
            payloadLength = capturedPayload
        }
        self.bytes = bytes
        self.capturedEnd = Self.headerLength + min(payloadLength, capturedPayload)
        self.declaredPayloadLength = payloadLength
    }

    var nextHeader: UInt8 { bytes[Field.nextHeader.lowerBound] }
    var hopLimit: UInt8 { bytes[Field.hopLimit.lowerBound] }
    var source: IPAddress { IPAddress(ipv6Field: Field.source, in: bytes) }
    var destination: IPAddress { IPAddress(ipv6Field: Field.destination, in: bytes) }

    /// The captured payload (extension headers included), without link padding.
    var payload: UnsafeRawBufferPointer { bytes.rebased(Self.headerLength..<capturedEnd) }
}
