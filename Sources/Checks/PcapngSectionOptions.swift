import Foundation

/// The text options of a pcapng file's first Section Header Block, as the
/// program that wrote it filled them in: `shb_hardware` (2), `shb_os` (3)
/// and `shb_userappl` (4), RFC draft-ietf-opsawg-pcapng §4.1:
///
///                         1                   2                   3
///     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///    +---------------------------------------------------------------+
///  0 |                   Block Type = 0x0A0D0D0A                     |
///  4 |                      Block Total Length                       |
///  8 |                      Byte-Order Magic                         |
/// 12 |          Major Version        |         Minor Version         |
/// 16 |                          Section Length  (64 bits)            |
/// 24 /                      Options (variable)                       /
///    +---------------------------------------------------------------+
///
/// The grader's capture reader checks these options' framing and skips
/// them; provenance needs their words, read here from the file's head.
package struct PcapngSectionOptions: Codable, Equatable, Sendable {
    package var hardware: String?
    package var os: String?
    package var application: String?

    /// Nil for a file that is not pcapng or whose first block is damaged:
    /// the capture-file check already says so.
    package static func read(_ url: URL) -> PcapngSectionOptions? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1 << 16) else { return nil }
        return parse(Array(head))
    }

    package static func parse(_ bytes: [UInt8]) -> PcapngSectionOptions? {
        guard bytes.count >= 28, bytes[0] == 0x0A, bytes[1] == 0x0D, bytes[2] == 0x0D, bytes[3] == 0x0A else { return nil }
        let littleEndian: Bool
        switch (bytes[8], bytes[9], bytes[10], bytes[11]) {
        case (0x4D, 0x3C, 0x2B, 0x1A): littleEndian = true
        case (0x1A, 0x2B, 0x3C, 0x4D): littleEndian = false
        default: return nil
        }
        func number(_ at: Int, _ width: Int) -> Int {
            let field = bytes[at..<(at + width)]
            return (littleEndian ? field.reversed() : Array(field)).reduce(0) { $0 << 8 | Int($1) }
        }
        let length = min(number(4, 4), bytes.count)
        var options = PcapngSectionOptions()
        var offset = 24
        while offset + 4 <= length - 4 {
            let code = number(offset, 2), size = number(offset + 2, 2)
            guard code != 0, offset + 4 + size <= length - 4 else { break }
            let value = String(decoding: bytes[(offset + 4)..<(offset + 4 + size)], as: UTF8.self)
                .trimmingCharacters(in: .controlCharacters.union(.whitespaces))
            switch code {
            case 2: options.hardware = value
            case 3: options.os = value
            case 4: options.application = value
            default: break
            }
            offset += 4 + (size + 3) & ~3
        }
        return options
    }

    /// The operating-system family a piece of text names, if any.
    package enum Family: String, Sendable {
        case linux = "Linux", windows = "Windows", macOS = "macOS", bsd = "BSD"

        package static func named(in text: String) -> Family? {
            let lower = text.lowercased()
            if lower.contains("windows") || lower.contains("npcap") || lower.contains("winpcap") || lower.contains("pktmon") { return .windows }
            if lower.contains("mac os") || lower.contains("macos") || lower.contains("darwin") || lower.contains("os x") { return .macOS }
            if lower.contains("freebsd") || lower.contains("openbsd") || lower.contains("netbsd") { return .bsd }
            if lower.contains("linux") || lower.contains("ubuntu") || lower.contains("debian") || lower.contains("fedora") { return .linux }
            return nil
        }

        /// Link types the family's capture tools write for a loopback capture
        /// (and Ethernet or Wi-Fi, which a capture of the lab may also be).
        /// Linux `lo` is EN10MB, `any` is SLL or SLL2; macOS and the BSDs write
        /// NULL or LOOP for lo0; Windows' Npcap loopback adapter writes NULL,
        /// RawCap raw IP, pktmon Ethernet.
        package var linkTypes: Set<String> {
            switch self {
            case .linux: ["EN10MB", "LINUX_SLL", "LINUX_SLL2", "RAW", "IPV4", "IPV6", "IEEE802_11", "IEEE802_11_RADIO"]
            case .macOS, .bsd: ["NULL", "LOOP", "EN10MB", "RAW", "IEEE802_11", "IEEE802_11_RADIO", "PKTAP"]
            case .windows: ["NULL", "EN10MB", "RAW", "IPV4", "IPV6", "IEEE802_11", "IEEE802_11_RADIO"]
            }
        }
    }
}
