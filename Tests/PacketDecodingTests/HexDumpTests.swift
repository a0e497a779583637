import PacketDecoding
import Testing

struct HexDumpTests {
    @Test func shortLineMatchesWiresharkLayout() {
        #expect(HexDump.lines(Array("Hello World\n".utf8))
            == ["0000  48 65 6c 6c 6f 20 57 6f  72 6c 64 0a              Hello World."])
    }

    @Test func fullLinesAndOffsets() {
        let bytes = Array(0..<20).map(UInt8.init)
        #expect(HexDump.lines(bytes) == [
            "0000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  ................",
            "0010  10 11 12 13                                       ....",
        ])
    }

    @Test func sliceIndicesAndStartOffset() {
        let bytes = Array("xxalice".utf8)[2...]
        #expect(bytes.startIndex == 2)
        #expect(HexDump.lines(bytes, startOffset: 0x1_0000)
            == ["10000  61 6c 69 63 65                                    alice"])
    }

    /// The lines handed out as bytes, as the text report writes them, are `lines`.
    @Test(arguments: [0, 5, 0x1_0000, -3, Int.min, Int.max - 40])
    func forEachLineGivesTheSameLines(startOffset: Int) {
        let bytes = (0..<37).map { UInt8(truncatingIfNeeded: $0 * 29) }
        var handedOut: [String] = []
        bytes.withUnsafeBytes { buffer in
            HexDump.forEachLine(buffer, startOffset: startOffset) { handedOut.append(String(decoding: $0, as: UTF8.self)) }
        }
        #expect(handedOut == HexDump.lines(bytes, startOffset: startOffset))
        #expect(handedOut.count == 3)
    }

    @Test func emptyInputHasNoLines() {
        #expect(HexDump.lines([UInt8]()).isEmpty)
    }
}
