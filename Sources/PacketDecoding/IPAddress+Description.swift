extension IPAddress: CustomStringConvertible {
    /// Dotted quad for IPv4; RFC 5952 text for IPv6 (lower case, no leading
    /// zeros, the longest run of two or more zero groups as "::", the first
    /// run on a tie, and IPv4-mapped addresses as ::ffff:a.b.c.d).
    public var description: String {
        switch self {
        case let .v4(value):
            return Self.dottedQuad(value)
        case let .v6(high, low):
            if let mapped = embeddedIPv4 {
                return "::ffff:" + Self.dottedQuad(mapped)
            }
            return Self.compressedIPv6(groups: Self.groups(high: high, low: low))
        }
    }

    private static func dottedQuad(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    private static func groups(high: UInt64, low: UInt64) -> [UInt16] {
        let shifts: [UInt64] = [48, 32, 16, 0]
        return shifts.map { UInt16(truncatingIfNeeded: high >> $0) }
            + shifts.map { UInt16(truncatingIfNeeded: low >> $0) }
    }

    private static func compressedIPv6(groups: [UInt16]) -> String {
        let run = longestZeroRun(in: groups)
        func text(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        guard let run else { return text(0..<groups.count) }
        return text(0..<run.lowerBound) + "::" + text(run.upperBound..<groups.count)
    }

    /// RFC 5952 section 4.2.2: a single zero group is never shortened to "::".
    private static func longestZeroRun(in groups: [UInt16]) -> Range<Int>? {
        var best: Range<Int>?
        var index = 0
        while index < groups.count {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            let start = index
            while index < groups.count, groups[index] == 0 { index += 1 }
            if index - start >= 2, index - start > (best?.count ?? 0) {
                best = start..<index
            }
        }
        return best
    }
}
