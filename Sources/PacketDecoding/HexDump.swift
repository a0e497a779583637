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
        // Read as one buffer: through the generic collection, called from
        // another module, every byte was a call (a twenty-fifth of `inspect`'s
        // text report, which dumps every match).
        if let lines = bytes.withContiguousStorageIfAvailable({ lines(buffer: $0, startOffset: startOffset) }) {
            return lines
        }
        return Array(bytes).withUnsafeBufferPointer { lines(buffer: $0, startOffset: startOffset) }
    }

    private static func lines(buffer: UnsafeBufferPointer<UInt8>, startOffset: Int) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity((buffer.count + bytesPerLine - 1) / bytesPerLine)
        var lineStart = 0
        while lineStart < buffer.count {
            let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<min(buffer.count, lineStart + bytesPerLine)])
            lines.append(format(line, offset: startOffset + lineStart))
            lineStart += bytesPerLine
        }
        return lines
    }

    /// `lines`, each handed to `body` as its UTF-8 bytes (valid until
    /// `body` returns) instead of made into a String: `inspect`'s text
    /// report copies them straight into its output, a match at a time.
    public static func forEachLine(_ bytes: UnsafeRawBufferPointer, startOffset: Int = 0, _ body: (UnsafeRawBufferPointer) -> Void) {
        let buffer = bytes.assumingMemoryBound(to: UInt8.self)
        // The longest line: a 17-character offset ("-8000000000000000"), the
        // columns, 16 ASCII bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 17 + 1 + (bytesPerLine * 3 + 1) + 2 + bytesPerLine) { text in
            var lineStart = 0
            while lineStart < buffer.count {
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<min(buffer.count, lineStart + bytesPerLine)])
                let count = format(line, offset: startOffset + lineStart, into: text)
                body(UnsafeRawBufferPointer(start: text.baseAddress, count: count))
                lineStart += bytesPerLine
            }
        }
    }

    /// Written into the string's own storage: two column arrays and four
    /// joined strings per line were a twentieth of `inspect`'s text report.
    private static func format(_ line: UnsafeBufferPointer<UInt8>, offset: Int) -> String {
        String(unsafeUninitializedCapacity: formattedLength(line, offset: offset)) { (text: UnsafeMutableBufferPointer<UInt8>) -> Int in
            format(line, offset: offset, into: text)
        }
    }

    /// The length `format` gives the line.
    private static func formattedLength(_ line: UnsafeBufferPointer<UInt8>, offset: Int) -> Int {
        offsetLength(offset) + 1 + (bytesPerLine * 3 + 1) + 2 + line.count
    }

    private static func offsetLength(_ offset: Int) -> Int {
        var offsetDigits = 4
        while offsetDigits < 16, offset.magnitude >> (4 * offsetDigits) != 0 { offsetDigits += 1 }
        return offset < 0 ? max(4, String(offset, radix: 16).utf8.count) : offsetDigits
    }

    /// Writes the line into `text`, which has room for `formattedLength`
    /// bytes; returns how many it wrote.
    private static func format(_ line: UnsafeBufferPointer<UInt8>, offset: Int, into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
        // At least 4 hex digits, more when the offset needs them (a negative
        // offset, which no stream has, as `String(radix:)` gives it). The
        // offset, a space, the hex column (three places a byte and one more
        // in the middle), two spaces, the ASCII column.
        let offsetLength = offsetLength(offset)
        let negativeText = offset < 0 ? String(offset, radix: 16) : ""
        var count = 0
        func put(_ byte: UInt8) {
            text[count] = byte
            count += 1
        }
        if offset < 0 {
            for _ in negativeText.utf8.count..<offsetLength { put(UInt8(ascii: "0")) }
            negativeText.utf8.forEach(put)
        } else {
            for digit in stride(from: offsetLength - 1, through: 0, by: -1) {
                put(hexDigits[Int(offset >> (4 * digit) & 0x0F)])
            }
        }
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
