/// Reads the "KIND:[INODE]" targets of the /proc links that stand for sockets and namespaces.
enum LinkTarget {
    /// The inode in `target` when it reads `prefix` + ":[" + digits + "]"; nil for any other link.
    static func inode(in target: UnsafeRawBufferPointer, prefix: [UInt8]) -> UInt64? {
        let opening = prefix.count
        // The shortest match is PREFIX:[N].
        guard target.count >= opening + 4,
              target.starts(with: prefix),
              target[opening] == UInt8(ascii: ":"),
              target[opening + 1] == UInt8(ascii: "["),
              target[target.count - 1] == UInt8(ascii: "]")
        else { return nil }
        var value: UInt64 = 0
        for byte in target[(opening + 2)..<(target.count - 1)] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times10, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, carried) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflowed, !carried else { return nil }
            value = sum
        }
        return value
    }
}
