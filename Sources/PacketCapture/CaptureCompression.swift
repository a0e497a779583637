/// How a capture file is compressed, told from its first bytes. Wireshark
/// opens gzip and zstd captures directly, so students hand them in as they are.
public enum CaptureCompression: String, Sendable, Equatable {
    case none
    case gzip
    case zstd

    /// From the file's first four bytes (RFC 1952 ID1 ID2; RFC 8878 frame magic).
    init(head: UnsafeRawBufferPointer) {
        if head.starts(with: [0x1F, 0x8B]) {
            self = .gzip
        } else if head.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) {
            self = .zstd
        } else {
            self = .none
        }
    }

    /// "gzip-compressed" / "zstd-compressed", for messages about the file.
    var adjective: String { "\(rawValue)-compressed" }
}
