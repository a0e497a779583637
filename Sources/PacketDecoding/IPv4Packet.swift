/// IPv4 header (RFC 791, section 3.1):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |Version|  IHL  |Type of Service|          Total Length         |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |         Identification        |Flags|      Fragment Offset    |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |  Time to Live |    Protocol   |         Header Checksum       |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                       Source Address                          |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                    Destination Address                        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                    Options (IHL > 5)                          |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// The payload is sliced by Total Length, which drops link-layer padding.
/// A Total Length of 0 is what Linux shows for TCP segmentation offload, so
/// then (as Wireshark does) the captured bytes are taken as the packet.
struct IPv4Packet {
    enum Field {
        static let versionAndHeaderLength = 0..<1
        static let typeOfService = 1..<2
        static let totalLength = 2..<4
        static let identification = 4..<6
        static let flagsAndFragmentOffset = 6..<8
        static let timeToLive = 8..<9
        static let protocolNumber = 9..<10
        static let checksum = 10..<12
        static let source = 12..<16
        static let destination = 16..<20
    }

    static let minimumHeaderLength = Field.destination.upperBound

    let bytes: UnsafeRawBufferPointer
    /// IHL times 4, options included; proven to lie within `bytes`.
    let headerLength: Int
    /// End of the captured part of the packet within `bytes`.
    private let capturedEnd: Int
    /// Payload length the header declares, whether or not all of it was captured.
    let declaredPayloadLength: Int

    /// A Total Length beyond the captured bytes keeps what was captured: the
    /// segment comes out truncated and its bytes are still searched, whether
    /// the snap length cut it or the field lies (a whole frame, caplen == len).
    init(checking bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= Self.minimumHeaderLength else {
            throw .truncated(.ipv4, needed: Self.minimumHeaderLength, captured: bytes.count)
        }
        let version = Int(bytes[Field.versionAndHeaderLength.lowerBound] >> 4)
        guard version == 4 else { throw .ipVersionMismatch(expected: 4, found: version) }
        let words = Int(bytes[Field.versionAndHeaderLength.lowerBound] & 0x0F)
        guard words >= 5 else { throw .invalidIPv4HeaderLength(words: words) }
        let headerLength = words * 4
        guard bytes.count >= headerLength else {
            throw .truncated(.ipv4, needed: headerLength, captured: bytes.count)
        }
        var totalLength = Int(bytes.bigEndianUInt16(Field.totalLength))
        if totalLength == 0 {
            totalLength = bytes.count
        }
        guard totalLength >= headerLength else {
            throw .ipv4TotalLengthBelowHeaderLength(totalLength: totalLength, headerLength: headerLength)
        }
        self.bytes = bytes
        self.headerLength = headerLength
        self.capturedEnd = min(totalLength, bytes.count)
        self.declaredPayloadLength = totalLength - headerLength
    }

    var totalLength: UInt16 { bytes.bigEndianUInt16(Field.totalLength) }
    var identification: UInt16 { bytes.bigEndianUInt16(Field.identification) }
    var moreFragments: Bool { bytes.bigEndianUInt16(Field.flagsAndFragmentOffset) & 0x2000 != 0 }
    /// In 8-byte units.
    var fragmentOffset: UInt16 { bytes.bigEndianUInt16(Field.flagsAndFragmentOffset) & 0x1FFF }
    var timeToLive: UInt8 { bytes[Field.timeToLive.lowerBound] }
    var protocolNumber: UInt8 { bytes[Field.protocolNumber.lowerBound] }
    var source: IPAddress { IPAddress(ipv4Field: Field.source, in: bytes) }
    var destination: IPAddress { IPAddress(ipv4Field: Field.destination, in: bytes) }

    /// The captured payload, without link padding.
    var payload: UnsafeRawBufferPointer { bytes.rebased(headerLength..<capturedEnd) }
}
