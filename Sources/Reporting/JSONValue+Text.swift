extension JSONValue {
    /// The value as pretty-printed JSON text with sorted keys, in the layout
    /// JSONEncoder gives with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`.
    ///
    /// Written directly rather than through JSONEncoder because `inspect
    /// --json` on a capture with thousands of conversations spent a sixth of
    /// its time in the encoder's boxing of every value. Non-finite doubles,
    /// which JSON cannot hold, are written as `null`.
    public var prettyText: String {
        var writer = JSONTextWriter()
        writer.write(self, depth: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

extension JSONValue {
    /// `prettyText` of the object `members` plus one more member, `key`, an
    /// array of `count` elements made one at a time by `element`, handed to
    /// `output` a piece at a time: a long array (100,000 conversations) is
    /// never held whole, neither as values nor as text, each of which took as
    /// much memory again as the analysis.
    public static func writePrettyText(
        _ members: [String: JSONValue], streaming key: String, count: Int, element: (Int) -> JSONValue,
        to output: (UnsafeRawBufferPointer) -> Void
    ) {
        withoutActuallyEscaping(output) { output in
            var writer = JSONTextWriter(output: output)
            writer.writeObject(members, streaming: key, count: count, element: element)
            writer.flush()
        }
    }
}

/// Appends JSON text to one byte buffer, which goes to `output` (when there
/// is one) every 64 KiB of a streamed array and at the end.
private struct JSONTextWriter {
    var bytes: [UInt8] = []
    var output: ((UnsafeRawBufferPointer) -> Void)?

    mutating func flush() {
        guard let output else { return }
        bytes.withUnsafeBytes(output)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): append(String(number))
        case .double(let number): writeDouble(number)
        case .string(let text): writeString(text)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, depth: depth) { writer, index in
                writer.write(elements[index], depth: depth + 1)
            }
        case .object(let members):
            // Sorted as pairs: looking each sorted key up again was a fifth
            // of writing `inspect --json` for 35,000 conversations.
            let sorted = members.sorted { $0.key < $1.key }
            writeContainer(open: "{", close: "}", count: sorted.count, depth: depth) { writer, index in
                writer.writeString(sorted[index].key)
                writer.append(" : ")
                writer.write(sorted[index].value, depth: depth + 1)
            }
        }
    }

    mutating func writeObject(
        _ members: [String: JSONValue], streaming key: String, count: Int, element: (Int) -> JSONValue
    ) {
        let keys = (members.keys.filter { $0 != key } + [key]).sorted()
        writeContainer(open: "{", close: "}", count: keys.count, depth: 0) { writer, index in
            writer.writeString(keys[index])
            writer.append(" : ")
            if keys[index] == key {
                writer.writeContainer(open: "[", close: "]", count: count, depth: 1) { writer, index in
                    writer.write(element(index), depth: 2)
                    if writer.bytes.count >= 64 << 10 { writer.flush() }
                }
            } else {
                writer.write(members[keys[index]] ?? .null, depth: 1)
            }
        }
    }

    /// JSONEncoder writes an empty container as an open and a close bracket on two lines.
    private mutating func writeContainer(
        open: String, close: String, count: Int, depth: Int, element: (inout JSONTextWriter, Int) -> Void
    ) {
        append(open)
        append("\n")
        for index in 0..<count {
            indent(depth + 1)
            element(&self, index)
            if index < count - 1 { append(",") }
            append("\n")
        }
        if count == 0 { append("\n") }
        indent(depth)
        append(close)
    }

    private mutating func writeDouble(_ number: Double) {
        guard number.isFinite else { return append("null") }
        // Whole numbers up to 2^53 print without ".0", as JSONEncoder prints them.
        if number == number.rounded(), abs(number) <= 9_007_199_254_740_992 {
            return append(number == 0 && number.sign == .minus ? "-0" : String(Int(number)))
        }
        append(number.description)
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings (keys, addresses, hex dump lines) need no escaping:
        // they go in as one copy rather than byte by byte.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func indent(_ depth: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
