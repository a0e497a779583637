#if canImport(Glibc)
import Glibc
#endif

/// The first `limit` bytes a child wrote to one pipe. The rest is read and
/// dropped, so a flooding child never blocks and never fills memory.
public struct CapturedOutput: Sendable, Equatable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var totalBytes = 0
    public let limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    public var truncated: Bool { totalBytes > bytes.count }

    /// Lossy UTF-8, so invalid bytes from a student never break a report.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        totalBytes += chunk.count
        let room = limit - bytes.count
        if room > 0 {
            bytes.append(contentsOf: chunk.prefix(room))
        }
    }
}

/// The read end of a non-blocking pipe feeding a `CapturedOutput`.
struct OutputPipe {
    private(set) var descriptor: Int32
    var output: CapturedOutput

    init(descriptor: Int32, limit: Int) {
        self.descriptor = descriptor
        self.output = CapturedOutput(limit: limit)
    }

    var isOpen: Bool { descriptor >= 0 }

    /// Reads what is available now; closes the pipe at end of file.
    mutating func drain() {
        guard descriptor >= 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                chunk.withUnsafeBytes { output.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                continue
            }
            if count < 0 && (errno == EINTR) { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            close()
            return
        }
    }

    mutating func close() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            descriptor = -1
        }
    }
}
