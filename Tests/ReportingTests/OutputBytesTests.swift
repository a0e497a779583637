import Reporting
import Testing

/// `OutputBytes` writes numbers and pieces through a pointer; these hold
/// what it writes to what `String` would have made of the same pieces.
struct OutputBytesTests {
    private func text(_ bytes: OutputBytes) -> String {
        String(decoding: bytes.bytes, as: UTF8.self)
    }

    @Test(arguments: [0, 7, 10, 99, 100, 12_345, -1, -10, -987_654, Int.max, Int.min])
    func decimalsReadAsStringWritesThem(number: Int) {
        var bytes = OutputBytes(capacity: 1)
        bytes.append(decimal: number)
        #expect(text(bytes) == String(number))
    }

    @Test func widthPadsWithZerosOnlyWhenShorter() {
        var bytes = OutputBytes()
        bytes.append(decimal: 42, width: 6)
        bytes.append(" ")
        bytes.append(decimal: 1_234_567, width: 6)
        bytes.append(" ")
        bytes.append(decimal: 0, width: 6)
        #expect(text(bytes) == "000042 1234567 000000")
    }

    @Test func growingKeepsEveryPieceInOrder() {
        var bytes = OutputBytes(capacity: 16)
        var expected = ""
        for index in 0..<2_000 {
            bytes.append("→ ")
            bytes.append(utf8: "line \(index)")
            bytes.append(spaces: index % 5)
            bytes.append(bytes: [UInt8(ascii: "x")])
            bytes.append(0x0A)
            expected += "→ line \(index)" + String(repeating: " ", count: index % 5) + "x\n"
        }
        #expect(text(bytes) == expected)
        bytes.removeAll()
        #expect(bytes.count == 0)
    }
}
