import CGzip

/// Reads a gzip file (or a plain file, which zlib passes through) as a byte
/// stream, with a cap on how much it will inflate.
final class GzipStream {
    private let file: gzFile
    private let limit: Int
    private(set) var produced = 0

    init(path: String, limit: Int) throws(IntakeError) {
        guard let file = gzopen(path, "rb") else {
            throw IntakeError("\(path) cannot be opened for reading.")
        }
        self.file = file
        self.limit = limit
    }

    deinit {
        gzclose(file)
    }

    /// Fills `buffer` completely, or returns how much came before the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(EntryRefused) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = gzread(file, base + filled, UInt32(buffer.count - filled))
            if count < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
                throw EntryRefused("the compressed data is damaged (\(message))")
            }
            if count == 0 { break }
            filled += Int(count)
        }
        produced += filled
        guard produced <= limit else {
            throw EntryRefused("it inflates to more than \(limit >> 20) MiB")
        }
        return filled
    }
}
