import Foundation
import Testing
@testable import PacketCapture

/// Issue 14.5: gzip and zstd captures are read as Wireshark reads them, and a
/// compression bomb stops at the byte cap of an uncompressed file.
@Suite struct CompressedCaptureTests {
    /// Runs a shell pipeline (the tests' compressors are the gzip and zstd tools).
    static func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(command)")
    }

    static let compressors = [("gzip", ".pcap.gz", "gzip -c"), ("zstd", ".pcap.zst", "zstd -q -c")]

    @Test(arguments: compressors, CaptureFixtures.readable.prefix(4))
    func compressedCaptureReadsLikeTheUncompressedOne(compressor: (String, String, String), file: String) throws {
        let (name, suffix, command) = compressor
        let plain = CaptureFixtures.path(file)
        let compressed = CaptureFixtures.temporaryFile(suffix)
        defer { try? FileManager.default.removeItem(at: compressed) }
        try Self.shell("\(command) '\(plain)' > '\(compressed.path)'")
        let expected = try CaptureFixtures.frames(plain, engine: .swift)
        // The libpcap engine cannot read compressed files, so the Swift reader takes them.
        for engine in CaptureFileReader.Engine.allCases {
            let reader = try CaptureFileReader(path: compressed.path, engine: engine)
            #expect(reader.compression.rawValue == name)
            let got = try CaptureFixtures.frames(compressed.path, engine: engine)
            #expect(got.frames == expected.frames, "\(file) as \(name), \(engine)")
            #expect(got.error == expected.error)
        }
        #expect(try CaptureFormat.sniff(path: compressed.path) == CaptureFormat.sniff(path: plain))
    }

    /// A pcap header and 256 MiB of zeros (16 million empty records) weigh a
    /// few hundred KiB compressed: the reading stops at the budget's byte cap,
    /// counted in inflated bytes, as it would for the inflated file.
    @Test(arguments: compressors)
    func compressionBombStopsAtTheByteCap(compressor: (String, String, String)) throws {
        let (_, suffix, command) = compressor
        let bomb = CaptureFixtures.temporaryFile(suffix)
        defer { try? FileManager.default.removeItem(at: bomb) }
        let header = "\\324\\303\\262\\241\\002\\000\\004\\000\\000\\000\\000\\000\\000\\000\\000\\000\\377\\377\\000\\000\\001\\000\\000\\000"
        try Self.shell("{ printf '\(header)'; head -c 268435456 /dev/zero; } | \(command) > '\(bomb.path)'")
        let weight = try #require(try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int)
        #expect(weight < 2 << 20)
        let cap = 8 << 20
        let reader = try CaptureFileReader(path: bomb.path, engine: .swift, budget: CaptureBudget(maximumBytes: cap))
        var frames = 0
        let error = reader.forEachFrame { _ in frames += 1 }
        #expect(error?.code == .stopped)
        #expect(error?.problem.contains("larger than the 8 MiB") == true, "\(String(describing: error))")
        // 16 bytes per empty record: no more than the cap's worth (plus one read) was inflated.
        #expect(frames <= (cap + FileByteStream.readSize * 2) / 16)
        #expect(frames >= (cap - FileByteStream.readSize * 2) / 16)
    }

    @Test func cutShortAndDamagedCompressedFilesAreSaid() throws {
        let plain = CaptureFixtures.path("alice/capture.pcapng")
        let cut = CaptureFixtures.temporaryFile(".pcapng.gz")
        let damaged = CaptureFixtures.temporaryFile(".gz")
        let text = CaptureFixtures.temporaryFile(".zst")
        defer { for file in [cut, damaged, text] { try? FileManager.default.removeItem(at: file) } }
        try Self.shell("gzip -c '\(plain)' | head -c 300 > '\(cut.path)'")
        try Self.shell("printf '\\037\\213\\010\\000garbage-garbage-garbage' > '\(damaged.path)'")
        try Self.shell("echo 'not a capture' | zstd -q -c > '\(text.path)'")

        let cutRead = try CaptureFixtures.frames(cut.path, engine: .swift)
        #expect(cutRead.error?.code == .truncated)
        #expect(cutRead.error?.problem == "the gzip-compressed file is cut short (unexpected end of file)")

        let damagedError = #expect(throws: CaptureError.self) { try CaptureFileReader(path: damaged.path) }
        #expect(damagedError?.problem.hasPrefix("the gzip-compressed data is damaged") == true, "\(String(describing: damagedError))")

        let textError = #expect(throws: CaptureError.self) { try CaptureFileReader(path: text.path) }
        #expect(textError?.code == .notACapture)
        #expect(textError?.problem == "the file is zstd-compressed, and inside it: not a pcap or pcapng capture (it looks like a text file)")
    }
}
