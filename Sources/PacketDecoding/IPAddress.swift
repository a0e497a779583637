/// An IPv4 or IPv6 address held as plain integers, so that decoding one
/// allocates nothing and hashing and comparing are cheap.
public enum IPAddress: Hashable, Sendable, Comparable {
    /// The dotted quad as one host-order value: 127.0.0.1 is `0x7F00_0001`.
    case v4(UInt32)
    /// The high and low 64 bits, read in network order: ::1 is `.v6(0, 1)`.
    case v6(UInt64, UInt64)

    /// True for 127.0.0.0/8, ::1, and IPv4-mapped ::ffff:127.x.y.z.
    public var isLoopback: Bool {
        switch self {
        case let .v4(value):
            return value >> 24 == 127
        case let .v6(high, low):
            if high == 0, low == 1 { return true }
            return embeddedIPv4.map { $0 >> 24 == 127 } ?? false
        }
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), if this is one.
    public var embeddedIPv4: UInt32? {
        guard case let .v6(high, low) = self, high == 0, low >> 32 == 0xFFFF else { return nil }
        return UInt32(truncatingIfNeeded: low)
    }

    /// IPv4 sorts before IPv6; within a family, numerically.
    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        switch (lhs, rhs) {
        case let (.v4(left), .v4(right)):
            return left < right
        case let (.v6(leftHigh, leftLow), .v6(rightHigh, rightLow)):
            return (leftHigh, leftLow) < (rightHigh, rightLow)
        case (.v4, .v6):
            return true
        case (.v6, .v4):
            return false
        }
    }
}

extension IPAddress {
    /// Reads a 4-byte IPv4 address field; the caller has checked the range.
    init(ipv4Field field: Range<Int>, in bytes: UnsafeRawBufferPointer) {
        self = .v4(bytes.bigEndianUInt32(field))
    }

    /// Reads a 16-byte IPv6 address field; the caller has checked the range.
    init(ipv6Field field: Range<Int>, in bytes: UnsafeRawBufferPointer) {
        let middle = field.lowerBound + 8
        self = .v6(
            bytes.bigEndianUInt64(field.lowerBound..<middle),
            bytes.bigEndianUInt64(middle..<field.upperBound)
        )
    }
}
