/// TCP header (RFC 9293, section 3.1):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |          Source Port          |       Destination Port        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                        Sequence Number                        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                    Acknowledgment Number                      |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |  Data |       |C|E|U|A|P|R|S|F|                               |
///     | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
///     |       |       |R|E|G|K|H|T|N|N|                               |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |           Checksum            |         Urgent Pointer        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                    Options (Data Offset > 5)                  |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                             Data                              |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// A frame cut inside the fixed 20 bytes is an error. A frame cut inside the
/// options or the data is not: it yields less (or no) payload than the IP
/// layer announced, as a snap length does; tshark decodes such a segment too,
/// and a SYN cut in its options still tells that a handshake was made.
struct TCPPacket {
    enum Field {
        static let sourcePort = 0..<2
        static let destinationPort = 2..<4
        static let sequenceNumber = 4..<8
        static let acknowledgmentNumber = 8..<12
        static let dataOffset = 12..<13
        static let flags = 13..<14
        static let window = 14..<16
        static let checksum = 16..<18
        static let urgentPointer = 18..<20
    }

    static let minimumHeaderLength = Field.urgentPointer.upperBound

    let bytes: UnsafeRawBufferPointer
    /// Data offset times 4, as the header declares it (the capture may have cut the options).
    let headerLength: Int
    /// The IP layer announced more segment bytes than were captured.
    let isTruncated: Bool

    /// - Parameters:
    ///   - bytes: the captured part of the segment.
    ///   - declaredLength: the segment length the IP layer announces.
    init(checking bytes: UnsafeRawBufferPointer, declaredLength: Int) throws(DecodeError) {
        guard declaredLength >= Self.minimumHeaderLength else {
            throw .tcpSegmentTooShort(length: declaredLength)
        }
        guard bytes.count >= Self.minimumHeaderLength else {
            throw .truncated(.tcp, needed: Self.minimumHeaderLength, captured: bytes.count)
        }
        let words = Int(bytes[Field.dataOffset.lowerBound] >> 4)
        guard words >= 5 else { throw .invalidTCPDataOffset(words: words) }
        let headerLength = words * 4
        guard headerLength <= declaredLength else {
            throw .tcpHeaderExceedsSegment(headerLength: headerLength, segmentLength: declaredLength)
        }
        self.bytes = bytes
        self.headerLength = headerLength
        self.isTruncated = bytes.count < declaredLength
    }

    var sourcePort: UInt16 { bytes.bigEndianUInt16(Field.sourcePort) }
    var destinationPort: UInt16 { bytes.bigEndianUInt16(Field.destinationPort) }
    var sequenceNumber: UInt32 { bytes.bigEndianUInt32(Field.sequenceNumber) }
    var acknowledgmentNumber: UInt32 { bytes.bigEndianUInt32(Field.acknowledgmentNumber) }
    var flags: TCPFlags { TCPFlags(rawValue: bytes[Field.flags.lowerBound]) }
    var window: UInt16 { bytes.bigEndianUInt16(Field.window) }
    var checksum: UInt16 { bytes.bigEndianUInt16(Field.checksum) }
    var urgentPointer: UInt16 { bytes.bigEndianUInt16(Field.urgentPointer) }
    /// The captured part of the options.
    var options: UnsafeRawBufferPointer { bytes.rebased(Self.minimumHeaderLength..<min(headerLength, bytes.count)) }
    /// The captured payload; empty when the capture ended inside the options.
    var payload: UnsafeRawBufferPointer { bytes.rebased(from: min(headerLength, bytes.count)) }
}
