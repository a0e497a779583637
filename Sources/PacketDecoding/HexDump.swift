/// Wireshark-bytes-pane style hex dump, for showing students the bytes they sent.
public enum HexDump {
    private static let bytesPerLine = 16
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// One line per 16 bytes: "0000  48 65 6c 6c 6f 20 57 6f  72 6c 64 0a              Hello World."
    ///
    /// The offset column counts from `startOffset` (for instance the stream
    /// offset of the first byte) and widens past 4 hex digits when needed.
    /// Bytes outside printable ASCII show as ".".
    public static func lines(_ bytes: some Collection<UInt8>, startOffset: Int = 0) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        line.reserveCapacity(bytesPerLine)
        var lineOffset = startOffset
        for byte in bytes {
            line.append(byte)
            if line.count == bytesPerLine {
                lines.append(format(line, offset: lineOffset))
                lineOffset += bytesPerLine
                line.removeAll(keepingCapacity: true)
            }
        }
        if !line.isEmpty {
            lines.append(format(line, offset: lineOffset))
        }
        return lines
    }

    private static func format(_ line: [UInt8], offset: Int) -> String {
        var text = String(offset, radix: 16)
        if text.count < 4 {
            text = String(repeating: "0", count: 4 - text.count) + text
        }
        var hexColumn: [UInt8] = []
        var asciiColumn: [UInt8] = []
        for index in 0..<bytesPerLine {
            hexColumn.append(contentsOf: index == 8 ? [0x20, 0x20] : [0x20])
            if index < line.count {
                let byte = line[index]
                hexColumn.append(hexDigits[Int(byte >> 4)])
                hexColumn.append(hexDigits[Int(byte & 0x0F)])
                asciiColumn.append((0x20...0x7E).contains(byte) ? byte : UInt8(ascii: "."))
            } else {
                hexColumn.append(contentsOf: [0x20, 0x20])
            }
        }
        return text + " " + String(decoding: hexColumn, as: UTF8.self) + "  "
            + String(decoding: asciiColumn, as: UTF8.self)
    }
}
