import PacketDecoding

/// A copy of what `decodeFrame` returned, safe to keep after the frame buffer
/// is gone and comparable as a whole.
enum DecodedFrame: Equatable, CustomStringConvertible {
    case tcp(SegmentFields)
    case notTCP(String)
    /// A fragment: its offset, whether more follow, and its payload.
    case fragment(offset: Int, moreFragments: Bool, payload: [UInt8])
    case undecoded(String)
    case malformed(DecodeError)

    var description: String {
        switch self {
        case let .tcp(fields): return "tcp(\(fields))"
        case let .notTCP(what): return "notTCP(\(what))"
        case let .fragment(offset, more, payload): return "fragment(offset \(offset), more \(more), \(payload.count) bytes)"
        case let .undecoded(place): return "undecoded(\(place))"
        case let .malformed(error): return "malformed(\(error))"
        }
    }

    var segment: SegmentFields? {
        guard case let .tcp(fields) = self else { return nil }
        return fields
    }
}

/// Every field of a `TCPSegment`, with the payload copied out.
struct SegmentFields: Equatable {
    var source: IPAddress
    var destination: IPAddress
    var sourcePort: UInt16
    var destinationPort: UInt16
    var sequenceNumber: UInt32
    var acknowledgmentNumber: UInt32
    var flags: TCPFlags
    var window: UInt16
    var ipVersion: Int
    var headerLength: Int
    var payload: [UInt8]
    var payloadTruncated: Bool
}

/// Decodes `frame`, checks that the payload lies inside the frame buffer, and copies it out.
func decode(_ frame: [UInt8], as linkType: LinkType, originalLength: Int? = nil) -> DecodedFrame {
    frame.withUnsafeBytes { buffer in
        switch decodeFrame(buffer, linkType: linkType, originalLength: originalLength) {
        case let .tcp(segment):
            precondition(payloadLiesInside(segment.payload, buffer), "payload points outside the frame")
            return .tcp(SegmentFields(
                source: segment.source,
                destination: segment.destination,
                sourcePort: segment.sourcePort,
                destinationPort: segment.destinationPort,
                sequenceNumber: segment.sequenceNumber,
                acknowledgmentNumber: segment.acknowledgmentNumber,
                flags: segment.flags,
                window: segment.window,
                ipVersion: segment.ipVersion,
                headerLength: segment.headerLength,
                payload: Array(segment.payload),
                payloadTruncated: segment.payloadTruncated
            ))
        case let .notTCP(what):
            return .notTCP(what)
        case let .fragment(fragment):
            return .fragment(offset: fragment.offset, moreFragments: fragment.moreFragments, payload: Array(fragment.payload))
        case let .undecoded(place):
            return .undecoded(place)
        case let .malformed(error):
            return .malformed(error)
        }
    }
}

private func payloadLiesInside(_ payload: UnsafeRawBufferPointer, _ frame: UnsafeRawBufferPointer) -> Bool {
    guard let start = payload.baseAddress else { return payload.isEmpty }
    guard let frameStart = frame.baseAddress else { return false }
    return start >= frameStart && start + payload.count <= frameStart + frame.count
}

extension Array where Element == UInt8 {
    /// A copy with `bytes` written over the bytes from `offset` on.
    func replacing(at offset: Int, with bytes: [UInt8]) -> [UInt8] {
        var copy = self
        copy.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
        return copy
    }
}

let localhost = IPAddress.v4(0x7F00_0001)
let ipv6Localhost = IPAddress.v6(0, 1)
let alice = Array("alice".utf8)
