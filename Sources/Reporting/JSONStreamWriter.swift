/// Writes pretty-printed JSON, in the layout of `JSONValue.prettyText`
/// (JSONEncoder's with sorted keys), value by value straight into bytes,
/// handed to `output` (when there is one) every 64 KiB.
///
/// For output too long to build as `JSONValue`s first: `inspect --json` of
/// 35,000 conversations spent 45% of its time making and sorting their
/// dictionaries. Whoever writes an object gives its keys in ascending order,
/// as JSONEncoder sorts them; debug builds check that they do.
public struct JSONStreamWriter {
    /// Written through a pointer (see `OutputBytes`): appended to an
    /// `[UInt8]` byte by byte, the 35 MB of `inspect --json` cost a third of it.
    private(set) var bytes: OutputBytes
    private let output: ((UnsafeRawBufferPointer) -> Void)?
    /// How many containers are open, and whether the innermost has an
    /// element yet; `outerFilled` keeps the flags of the others. Kept apart
    /// so that an element reads two fields, not an array (its uniqueness
    /// check and bounds on every value were a fiftieth of `inspect --json`).
    private var depth = 0
    private var innermostFilled = false
    private var outerFilled: [Bool] = []
    /// A key was just written: the next value is its member, not an element.
    private var afterKey = false
    /// Containers this deep or deeper are written on one line, as JSONEncoder
    /// writes compact JSON (no spaces): `inspect --json` puts each of 35,000
    /// conversations on a line of its own, which a reader can grep, at about
    /// half the bytes of the indented layout (which cost a third of it).
    private let compactDepth: Int
    #if DEBUG
    /// The last key of each open object, to check the order.
    private var lastKeys: [String?] = []
    #endif

    private static let flushBytes = 64 << 10

    /// - Parameter compactDepth: containers opened at this depth or deeper
    ///   (the outermost value is at 0) go on one line; by default none do.
    init(output: ((UnsafeRawBufferPointer) -> Void)?, compactDepth: Int = .max) {
        self.output = output
        self.compactDepth = compactDepth
        bytes = OutputBytes(capacity: output == nil ? 1 << 10 : Self.flushBytes * 2)
    }

    mutating func flush() {
        guard let output else { return }
        output(bytes.bytes)
        bytes.removeAll()
    }

    public mutating func beginObject() {
        beginContainer(UInt8(ascii: "{"))
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    public mutating func endObject() {
        endContainer(UInt8(ascii: "}"))
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    public mutating func beginArray() { beginContainer(UInt8(ascii: "[")) }
    public mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    /// The next member's key, made at run time; keys of one object must
    /// come in ascending order.
    public mutating func key(named name: String) {
        checkOrder(name)
        beginElement()
        writeString(name)
        append(depth > compactDepth ? ":" : " : ")
        afterKey = true
    }

    /// The next member's key, written in the program: copied as it is, without looking for
    /// characters to escape (a check per key was a tenth of `inspect --json`).
    public mutating func key(_ name: StaticString) {
        checkOrder(name.description)
        assert(!name.description.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        beginElement()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(name)
        bytes.append(depth > compactDepth ? "\":" : "\" : ")
        afterKey = true
    }

    private mutating func checkOrder(_ name: @autoclosure () -> String) {
        #if DEBUG
        let name = name()
        if let last = lastKeys.last ?? nil { assert(last < name, "JSON keys out of order: \(last) before \(name)") }
        lastKeys[lastKeys.count - 1] = name
        #endif
    }

    public mutating func value(_ number: Int) {
        beginElement()
        writeDigits(number)
    }

    private mutating func writeDigits(_ number: Int) {
        bytes.append(decimal: number)
    }

    public mutating func value(_ flag: Bool) {
        beginElement()
        append(flag ? "true" : "false")
    }

    public mutating func value(_ text: String) {
        beginElement()
        writeString(text)
    }

    /// A string given as its UTF-8 bytes, which must be valid UTF-8.
    public mutating func value(utf8 text: UnsafeRawBufferPointer) {
        beginElement()
        writeString(utf8: text.assumingMemoryBound(to: UInt8.self))
    }

    public mutating func value(_ number: Double) {
        beginElement()
        guard number.isFinite else { return append("null") }
        // Whole numbers up to 2^53 print without ".0", as JSONEncoder prints them.
        if number == number.rounded(), abs(number) <= 9_007_199_254_740_992 {
            if number == 0, number.sign == .minus { return append("-0") }
            return writeDigits(Int(number))
        }
        bytes.append(utf8: number.description)
    }

    public mutating func value(_ json: JSONValue) {
        switch json {
        case .null:
            beginElement()
            append("null")
        case .bool(let flag): value(flag)
        case .int(let number): value(number)
        case .double(let number): value(number)
        case .string(let text): value(text)
        case .array(let elements):
            beginArray()
            for element in elements { value(element) }
            endArray()
        case .object(let members):
            beginObject()
            // Sorted as pairs: looking each sorted key up again was a fifth
            // of writing `inspect --json` for 35,000 conversations.
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                key(named: name)
                value(member)
            }
            endObject()
        }
    }

    /// Separates an element from the one before it and indents it; a
    /// member's value goes on its key's line.
    private mutating func beginElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if bytes.count >= Self.flushBytes { flush() }
        if innermostFilled { bytes.append(UInt8(ascii: ",")) }
        innermostFilled = true
        guard depth <= compactDepth else { return }
        bytes.append(UInt8(ascii: "\n"))
        indent(depth)
    }

    private mutating func beginContainer(_ open: UInt8) {
        beginElement()
        bytes.append(open)
        if depth > 0 { outerFilled.append(innermostFilled) }
        depth += 1
        innermostFilled = false
    }

    /// JSONEncoder writes an empty container as an open and a close bracket on two lines.
    private mutating func endContainer(_ close: UInt8) {
        let hasElement = innermostFilled
        depth -= 1
        innermostFilled = depth > 0 ? outerFilled.removeLast() : false
        if depth < compactDepth {
            append(hasElement ? "\n" : "\n\n")
            indent(depth)
        }
        bytes.append(close)
    }

    private mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { writeString(utf8: $0) }
    }

    private mutating func writeString(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        // Runs that need no escaping (most strings are one: addresses,
        // hex dump lines) go in as one copy each rather than byte by byte.
        var runStart = 0
        for index in utf8.indices where Self.needsEscape(utf8[index]) {
            bytes.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[runStart..<index])))
            writeEscaped(utf8[index])
            runStart = index + 1
        }
        bytes.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[runStart...])))
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func writeEscaped(_ byte: UInt8) {
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

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func indent(_ depth: Int) {
        bytes.append(spaces: depth * 2)
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(text)
    }
}
