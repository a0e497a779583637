import Foundation

/// Unpacks a .tar, .tar.gz or .tgz with a tar reader of our own over zlib,
/// through the `SafeExtractor`: files and folders only, never links or devices.
enum TarUnpacker {
    static func unpack(_ url: URL, into extractor: inout SafeExtractor) throws(IntakeError) {
        // The inflated stream may be at most twice the total budget: skipped data counts too.
        let stream = try GzipStream(path: url.path, limit: extractor.budget.limits.totalBytes * 2)
        var longName: String?
        var block = [UInt8](repeating: 0, count: TarHeader.blockSize)
        do {
            while !extractor.stopped {
                guard try readBlock(stream, into: &block) else { break }
                guard let header = try TarHeader(block: block) else { break }
                var name = longName ?? header.name
                longName = nil
                switch header.type {
                case UInt8(ascii: "L"), UInt8(ascii: "x"):
                    let data = try readData(stream, count: header.size, cap: 64 << 10)
                    let found = header.type == UInt8(ascii: "L")
                        ? String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
                        : paxPath(data)
                    longName = found ?? longName
                case UInt8(ascii: "g"):
                    _ = try readData(stream, count: header.size, cap: 64 << 10)
                case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                    var remaining = header.size
                    extractor.file(name, declaredSize: header.size) { sink in
                        var chunk = [UInt8](repeating: 0, count: 64 << 10)
                        while remaining > 0 {
                            let want = min(chunk.count, remaining)
                            let got = try chunk.withUnsafeMutableBytes { try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<want])) }
                            guard got == want else { throw EntryRefused("the archive ends in the middle of this file") }
                            try chunk.withUnsafeBytes { try sink.append(UnsafeRawBufferPointer(rebasing: $0[0..<want])) }
                            remaining -= want
                        }
                    }
                    if extractor.stopped { break }
                    try skip(stream, bytes: remaining + padding(header.size))
                case UInt8(ascii: "5"):
                    extractor.directory(name)
                    try skip(stream, bytes: header.blocksOfData * TarHeader.blockSize)
                default:
                    if name.isEmpty { name = "(unnamed)" }
                    extractor.refuse(name, describe(header))
                    try skip(stream, bytes: header.blocksOfData * TarHeader.blockSize)
                }
            }
        } catch {
            let reason = (error as? EntryRefused)?.reason ?? "\(error)"
            extractor.refuse("(rest of archive)", "\(reason); the rest of this archive was not unpacked", endsArchive: true)
        }
    }

    private static func describe(_ header: TarHeader) -> String {
        switch header.type {
        case UInt8(ascii: "2"): "it is a symbolic link (to '\(header.linkName)'), which could point anywhere on the grading machine"
        case UInt8(ascii: "1"): "it is a hard link (to '\(header.linkName)')"
        case UInt8(ascii: "3"), UInt8(ascii: "4"): "it is a device file"
        case UInt8(ascii: "6"): "it is a named pipe"
        default: "its tar entry type '\(Character(UnicodeScalar(header.type)))' is not a file or a folder"
        }
    }

    private static func padding(_ size: Int) -> Int {
        (TarHeader.blockSize - size % TarHeader.blockSize) % TarHeader.blockSize
    }

    private static func readBlock(_ stream: GzipStream, into block: inout [UInt8]) throws -> Bool {
        let count = try block.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) throws(EntryRefused) -> Int in try stream.read(into: buffer) }
        if count == 0 { return false }
        guard count == TarHeader.blockSize else { throw EntryRefused("the archive ends in the middle of a tar header") }
        return true
    }

    private static func readData(_ stream: GzipStream, count: Int, cap: Int) throws -> [UInt8] {
        guard count <= cap else { throw EntryRefused("a tar extended header is longer than \(cap >> 10) KiB") }
        var data = [UInt8](repeating: 0, count: count + padding(count))
        let got = try data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) throws(EntryRefused) -> Int in try stream.read(into: buffer) }
        guard got == data.count else { throw EntryRefused("the archive ends in the middle of a tar header") }
        return Array(data.prefix(count))
    }

    private static func skip(_ stream: GzipStream, bytes: Int) throws {
        var remaining = bytes
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while remaining > 0 {
            let want = min(chunk.count, remaining)
            let got = try chunk.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) throws(EntryRefused) -> Int in
                try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
            }
            guard got == want else { throw EntryRefused("the archive ends in the middle of an entry") }
            remaining -= want
        }
    }

    /// The `path=` record of a pax extended header ("LEN path=VALUE\n" records).
    private static func paxPath(_ data: [UInt8]) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        for record in text.split(separator: "\n") {
            guard let space = record.firstIndex(of: " ") else { continue }
            let field = record[record.index(after: space)...]
            if field.hasPrefix("path=") { return String(field.dropFirst(5)) }
        }
        return nil
    }
}
