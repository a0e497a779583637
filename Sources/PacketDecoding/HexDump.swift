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

    /// Written into the string's own storage: two column arrays and four
    /// joined strings per line were a twentieth of `inspect`'s text report.
    private static func format(_ line: [UInt8], offset: Int) -> String {
        var offsetText = String(offset, radix: 16)
        if offsetText.utf8.count < 4 {
            offsetText = String(repeating: "0", count: 4 - offsetText.utf8.count) + offsetText
        }
        // The offset, a space, the hex column (three places a byte and one
        // more in the middle), two spaces, the ASCII column.
        let length = offsetText.utf8.count + 1 + (bytesPerLine * 3 + 1) + 2 + line.count
        return String(unsafeUninitializedCapacity: length) { text in
            var count = 0
            func put(_ byte: UInt8) {
                text[count] = byte
                count += 1
            }
            offsetText.utf8.forEach(put)
            put(0x20)
            for index in 0..<bytesPerLine {
                put(0x20)
                if index == 8 { put(0x20) }
                if index < line.count {
                    put(hexDigits[Int(line[index] >> 4)])
                    put(hexDigits[Int(line[index] & 0x0F)])
                } else {
                    put(0x20)
                    put(0x20)
                }
            }
            put(0x20)
            put(0x20)
            for byte in line {
                put((0x20...0x7E).contains(byte) ? byte : UInt8(ascii: "."))
            }
            return count
        }
    }
}
