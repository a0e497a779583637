import Foundation

/// The container format of a capture file, told from its first four bytes.
public enum CaptureFormat: String, Sendable, Equatable {
    case pcap
    case pcapng

    /// Reads the magic number; a file that is not a capture gets an error that
    /// says what it looks like instead, which is what a student needs to hear.
    public static func sniff(path: String) throws(CaptureError) -> CaptureFormat {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CaptureError(.unreadable, subject: path, problem: exists ? "the file cannot be read" : "no such file")
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
        let compression = head.withUnsafeBytes { CaptureCompression(head: $0) }
        guard compression != .none else { return try classify(head, subject: path) }
        // The capture's own magic number is the first thing inside.
        let stream = try FileByteStream(path: path, meter: BudgetMeter(.unlimited, subject: path))
        let inner = Array(try stream.peek(16))
        do throws(CaptureError) {
            return try classify(inner, subject: path)
        } catch {
            throw CaptureError(error.code, subject: path, problem: "the file is \(compression.adjective), and inside it: \(error.problem)")
        }
    }

    static func classify(_ head: [UInt8], subject: String) throws(CaptureError) -> CaptureFormat {
        guard head.count >= 4 else {
            throw CaptureError(.notACapture, subject: subject, problem: head.isEmpty
                ? "the file is empty, not a capture"
                : "the file is only \(head.count) bytes long, too short to be a capture")
        }
        let magic = Array(head.prefix(4))
        let pcapMagics: [[UInt8]] = [
            [0xD4, 0xC3, 0xB2, 0xA1], [0xA1, 0xB2, 0xC3, 0xD4],  // microseconds
            [0x4D, 0x3C, 0xB2, 0xA1], [0xA1, 0xB2, 0x3C, 0x4D],  // nanoseconds
        ]
        if pcapMagics.contains(magic) { return .pcap }
        if magic == [0x34, 0xCD, 0xB2, 0xA1] || magic == [0xA1, 0xB2, 0xCD, 0x34] {
            throw CaptureError(.notACapture, subject: subject, problem: "a Kuznetzov modified pcap (magic a1b2cd34), which is not supported: save it again from Wireshark as pcapng")
        }
        if magic == [0x0A, 0x0D, 0x0D, 0x0A] { return .pcapng }
        throw CaptureError(.notACapture, subject: subject, problem: "not a pcap or pcapng capture (\(lookalike(head)))")
    }

    /// A guess at what the student handed in instead, from well-known signatures.
    static func lookalike(_ head: [UInt8]) -> String {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "it is a PNG image"),
            ([0xFF, 0xD8, 0xFF], "it is a JPEG image"),
            ([0x50, 0x4B, 0x03, 0x04], "it is a zip archive"),
            ([0x25, 0x50, 0x44, 0x46], "it is a PDF document"),
            ([0x1F, 0x8B], "it is gzip-compressed"),
            ([0x04, 0x22, 0x4D, 0x18], "it is lz4-compressed, which is not supported: decompress it (lz4 -d) or save it uncompressed from Wireshark"),
            ([0x73, 0x6E, 0x6F, 0x6F, 0x70, 0, 0, 0], "it is a Solaris snoop capture, which is not supported: save it again from Wireshark as pcapng"),
            ([0x53, 0x6E, 0x6F, 0x6F, 0x70], "it is a Snoop capture, which is not supported"),
        ]
        for (signature, meaning) in signatures where head.starts(with: signature) {
            return meaning
        }
        let printable = head.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let magic = head.prefix(4).map { String(format: "%02x", $0) }.joined(separator: " ")
        return printable ? "it looks like a text file" : "unknown magic number \(magic)"
    }
}
