/// Parses the socket tables the kernel prints in /proc/net/tcp and /proc/net/tcp6.
///
/// One header line, then one line per socket (`tcp4_seq_show`, `tcp6_seq_show` in the kernel):
///
///       sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
///        0: 0100007F:EA61 00000000:0000 0A 00000000:00000001 00:00000000 00000000     0        0 8327 ...
///
/// Addresses are hex words in host byte order (`0100007F` is 127.0.0.1 on little-endian
/// machines), four words for IPv6; ports are hex in network order. The columns a grader needs
/// are decoded, the other ones up to `inode` must be present, and anything after is ignored.
/// The parser works on bytes, without regular expressions or string splitting, because the
/// grader polls these files about every millisecond.
public enum ProcNetTCP {
    /// Parses the text of /proc/net/tcp, or with `ipv6` of /proc/net/tcp6, header line first.
    /// `source` names the file in errors; by default "/proc/net/tcp" or "/proc/net/tcp6".
    public static func parse(_ text: String, ipv6: Bool, source: String? = nil) throws(SocketTableError) -> [SocketRow] {
        let result = text.utf8.withContiguousStorageIfAvailable { utf8 in
            Result { () throws(SocketTableError) in try parse(UnsafeRawBufferPointer(utf8), ipv6: ipv6, source: source) }
        }
        return try (result ?? Result { () throws(SocketTableError) in try parse(Array(text.utf8), ipv6: ipv6, source: source) }).get()
    }

    /// Parses file bytes as `ReopenableProcFile.read()` returns them, without copying.
    public static func parse(_ bytes: [UInt8], ipv6: Bool, source: String? = nil) throws(SocketTableError) -> [SocketRow] {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(SocketTableError) in try parse(buffer, ipv6: ipv6, source: source) }
        }
        return try result.get()
    }

    /// Parses file bytes in place.
    public static func parse(_ bytes: UnsafeRawBufferPointer, ipv6: Bool, source: String? = nil) throws(SocketTableError) -> [SocketRow] {
        let source = source ?? (ipv6 ? "/proc/net/tcp6" : "/proc/net/tcp")
        let lineFeed = UInt8(ascii: "\n")
        var rows: [SocketRow] = []
        rows.reserveCapacity(bytes.count / 128)
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count || lineNumber == 0 {
            let lineEnd = SystemCalls.index(of: lineFeed, in: bytes, from: lineStart)
            lineNumber += 1
            var line = ProcNetTCPLine(bytes: bytes, range: lineStart..<lineEnd, ipv6: ipv6)
            do {
                if lineNumber == 1 {
                    try line.checkHeader()
                } else if !line.isBlank {
                    rows.append(try line.parseRow())
                }
            } catch {
                let value = error.token.map { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
                let reason = SocketTableError.Reason.badField(
                    line: lineNumber, field: error.field.description, value: value, problem: error.problem
                )
                throw SocketTableError(path: source, reason: reason)
            }
            lineStart = lineEnd + 1
        }
        return rows
    }

    /// Reads `file` again and parses it, naming the file's path in errors.
    public static func read(_ file: ReopenableProcFile, ipv6: Bool) throws(SocketTableError) -> [SocketRow] {
        try parse(file.read(), ipv6: ipv6, source: file.path)
    }
}
