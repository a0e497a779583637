import CGzip

/// zlib's gzip reader over an open file: inflates every member of a gzip
/// file in turn (gzip files may be concatenated) into the caller's buffer.
///
/// Calls `gzdopen`, `gzbuffer`, `gzread`, `gzerror`, `gzoffset` and `gzclose`;
/// every zlib error becomes a `CaptureError` here.
final class GzipInflater {
    private let file: gzFile
    private let path: String

    /// - Parameter descriptor: an open descriptor the inflater takes over (closed by `gzclose`).
    init(descriptor: Int32, path: String, bufferSize: Int) throws(CaptureError) {
        guard let file = gzdopen(descriptor, "rb") else {
            throw CaptureError(.unreadable, subject: path, problem: "the gzip-compressed file cannot be opened (out of memory)")
        }
        gzbuffer(file, UInt32(bufferSize))
        self.file = file
        self.path = path
    }

    deinit {
        gzclose(file)
    }

    /// Compressed bytes taken from the file so far.
    var compressedBytesRead: Int { Int(gzoffset(file)) }

    /// Up to `buffer.count` inflated bytes; 0 at the end of the last member.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CaptureError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        let count = gzread(file, base, UInt32(min(buffer.count, Int(Int32.max))))
        var code: Int32 = 0
        // gzerror prefixes its message with the "<fd:N>: " it was opened as.
        let message = gzerror(file, &code).map { String(cString: $0).split(separator: ": ", maxSplits: 1).last.map(String.init) ?? "" } ?? "unknown zlib error"
        // zlib reports an input that ends inside a member as Z_BUF_ERROR, and
        // still returns the bytes before it: the error shows once they are taken.
        if count == 0, code == Z_BUF_ERROR {
            throw CaptureError(.truncated, subject: path, problem: "the gzip-compressed file is cut short (\(message))")
        }
        guard count >= 0 else {
            throw CaptureError(.malformed, subject: path, problem: "the gzip-compressed data is damaged (\(message))")
        }
        return Int(count)
    }
}
