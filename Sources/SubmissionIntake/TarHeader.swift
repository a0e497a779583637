/// One 512-byte tar header (POSIX ustar, with GNU and pax long names).
///
/// ```
/// offset size field
///      0  100 name
///    124   12 size (octal, or base-256 when the top bit is set)
///    148    8 checksum
///    156    1 typeflag
///    157  100 linkname
///    257    6 magic "ustar"
///    345  155 prefix (ustar)
/// ```
struct TarHeader {
    var name: String
    var size: Int
    var type: UInt8
    var linkName: String

    static let blockSize = 512

    /// Nil for an all-zero block (the end of the archive).
    init?(block: [UInt8]) throws(EntryRefused) {
        guard block.contains(where: { $0 != 0 }) else { return nil }
        let stored = Self.octal(block[148..<156])
        let computed = block.enumerated().reduce(0) { sum, item in sum + ((148..<156).contains(item.offset) ? 32 : Int(item.element)) }
        guard stored == computed else {
            throw EntryRefused("a tar header's checksum is wrong (\(stored ?? -1) stored, \(computed) computed): the archive is damaged or not a tar file")
        }
        var name = Self.text(block[0..<100])
        if block[257..<262].elementsEqual(Array("ustar".utf8)) {
            let prefix = Self.text(block[345..<500])
            if !prefix.isEmpty { name = prefix + "/" + name }
        }
        self.name = name
        self.type = block[156]
        self.linkName = Self.text(block[157..<257])
        if block[124] & 0x80 != 0 {
            // GNU base-256: big-endian, top bit is the flag.
            var value = 0
            for (index, byte) in block[124..<136].enumerated() {
                value = value << 8 | Int(index == 0 ? byte & 0x7f : byte)
                guard value < 1 << 50 else { throw EntryRefused("a tar entry declares an impossible size") }
            }
            self.size = value
        } else {
            guard let size = Self.octal(block[124..<136]) else { throw EntryRefused("a tar entry's size is not a number") }
            self.size = size
        }
    }

    var blocksOfData: Int { (size + Self.blockSize - 1) / Self.blockSize }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func octal(_ bytes: ArraySlice<UInt8>) -> Int? {
        let digits = bytes.prefix { $0 != 0 && $0 != 32 }.drop { $0 == 32 }
        if digits.isEmpty { return 0 }
        var value = 0
        for digit in digits {
            guard (48...55).contains(digit), value < 1 << 50 else { return nil }
            value = value * 8 + Int(digit - 48)
        }
        return value
    }
}
