/// The IPv6 extension headers we step over on the way to TCP (RFC 8200, 4.3–4.6).
///
/// Hop-by-Hop Options (0), Routing (43) and Destination Options (60):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |  Next Header  |  Hdr Ext Len  |                               |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
///     .          Options / routing data ((Hdr Ext Len + 1) * 8 bytes) .
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// Fragment (44), always 8 bytes:
///
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                         Identification                        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
struct IPv6ExtensionHeader {
    enum Field {
        static let nextHeader = 0..<1
        static let headerExtensionLength = 1..<2
        static let fragmentOffsetAndFlags = 2..<4
        static let fragmentIdentification = 4..<8
    }

    enum Kind {
        static let hopByHop: UInt8 = 0
        static let routing: UInt8 = 43
        static let fragment: UInt8 = 44
        static let destinationOptions: UInt8 = 60
    }

    /// Every extension header is a multiple of 8 bytes, at least 8.
    static let minimumLength = 8

    static func isSkippable(_ nextHeader: UInt8) -> Bool {
        switch nextHeader {
        case Kind.hopByHop, Kind.routing, Kind.fragment, Kind.destinationOptions: return true
        default: return false
        }
    }

    let type: UInt8
    let bytes: UnsafeRawBufferPointer
    let length: Int

    /// - Parameters:
    ///   - type: the Next Header value that announced this header.
    ///   - bytes: the captured bytes from this header on.
    ///   - declaredRemaining: payload bytes left according to Payload Length.
    init(checking bytes: UnsafeRawBufferPointer, type: UInt8, declaredRemaining: Int) throws(DecodeError) {
        let lengthKnown = type == Kind.fragment ? Self.minimumLength : Field.headerExtensionLength.upperBound
        guard bytes.count >= lengthKnown else {
            if declaredRemaining < Self.minimumLength {
                throw .ipv6ExtensionHeaderExceedsPayload(
                    nextHeader: type, headerLength: Self.minimumLength, remaining: declaredRemaining)
            }
            throw .truncated(.ipv6Extension(nextHeader: type), needed: lengthKnown, captured: bytes.count)
        }
        let length = type == Kind.fragment
            ? Self.minimumLength
            : (Int(bytes[Field.headerExtensionLength.lowerBound]) + 1) * 8
        guard length <= declaredRemaining else {
            throw .ipv6ExtensionHeaderExceedsPayload(nextHeader: type, headerLength: length, remaining: declaredRemaining)
        }
        guard length <= bytes.count else {
            throw .truncated(.ipv6Extension(nextHeader: type), needed: length, captured: bytes.count)
        }
        self.type = type
        self.bytes = bytes
        self.length = length
    }

    var nextHeader: UInt8 { bytes[Field.nextHeader.lowerBound] }

    /// In 8-byte units; 0 unless this is a Fragment header.
    var fragmentOffset: UInt16 {
        type == Kind.fragment ? bytes.bigEndianUInt16(Field.fragmentOffsetAndFlags) >> 3 : 0
    }

    var moreFragments: Bool {
        type == Kind.fragment && bytes.bigEndianUInt16(Field.fragmentOffsetAndFlags) & 1 != 0
    }

    /// The Fragment header's Identification; 0 for the other headers.
    var fragmentIdentification: UInt32 {
        type == Kind.fragment ? bytes.bigEndianUInt32(Field.fragmentIdentification) : 0
    }

    var payload: UnsafeRawBufferPointer { bytes.rebased(from: length) }
}
