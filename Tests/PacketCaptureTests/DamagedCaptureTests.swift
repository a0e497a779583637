import Foundation
import Testing
@testable import PacketCapture
import CaptureAnalysis

/// Every byte of a capture can be cut or flipped: the result is an error
/// naming the file or a partial result, never a crash (a crash would end
/// this test process). The fuzz target in Fuzz/ goes further, not in CI.
@Suite struct DamagedCaptureTests {
    /// The class's captures plus a pcapng of two link types in big-endian order.
    static func originals() throws -> [(name: String, bytes: [UInt8])] {
        var files = try CaptureFixtures.readable.map { file in
            (name: file, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: CaptureFixtures.path(file)))))
        }
        files.append((name: "two link types", bytes: try SwiftReaderTests.twoLinkTypes(bigEndian: true).bytes))
        return files
    }

    /// Reads `bytes` from a file with one engine: the packets read, or the error if the file was refused.
    static func outcome(_ bytes: ArraySlice<UInt8>, at url: URL, engine: CaptureFileReader.Engine) throws -> Result<CaptureAnalysis, CaptureError> {
        try Data(bytes).write(to: url)
        return Result { () throws(CaptureError) in
            try CaptureAnalysis.analyze(path: url.path, needles: [Array("alice".utf8)], engine: engine)
        }
    }

    @Test func cutAtEveryOffsetGivesThePacketsBeforeTheCut() throws {
        let url = CaptureFixtures.temporaryFile(".cut")
        defer { try? FileManager.default.removeItem(at: url) }
        for original in try Self.originals() {
            let whole = try Self.outcome(original.bytes[...], at: url, engine: .swift).get()
            var previousPackets = 0
            for length in 0..<original.bytes.count {
                let cut = original.bytes[..<length]
                let swift = try Self.outcome(cut, at: url, engine: .swift)
                let libpcap = try Self.outcome(cut, at: url, engine: .libpcap)
                switch (swift, libpcap) {
                case let (.success(mine), .success(theirs)):
                    #expect(mine.packets == theirs.packets, "\(original.name) cut at \(length)")
                    #expect(mine.packets >= previousPackets && mine.packets <= whole.packets, "\(original.name) cut at \(length)")
                    previousPackets = mine.packets
                case let (.failure(mine), .failure(theirs)):
                    #expect(mine.description.hasPrefix(url.path + ": "))
                    #expect(theirs.description.hasPrefix(url.path + ": "))
                case let (.success(read), .failure(refusal)), let (.failure(refusal), .success(read)):
                    // libpcap refuses a pcapng cut before its first interface; the Swift reader reads nothing from it.
                    #expect(read.packets == 0, "\(original.name) cut at \(length): \(refusal)")
                    #expect(refusal.description.hasPrefix(url.path + ": "))
                }
            }
        }
    }

    @Test func flippingAnyByteNeverCrashes() throws {
        let url = CaptureFixtures.temporaryFile(".flip")
        defer { try? FileManager.default.removeItem(at: url) }
        for original in try Self.originals() {
            for offset in original.bytes.indices {
                for flip: UInt8 in [0xFF, 0x80] {
                    var damaged = original.bytes
                    damaged[offset] ^= flip
                    for engine in CaptureFileReader.Engine.allCases {
                        switch try Self.outcome(damaged[...], at: url, engine: engine) {
                        case .success(let analysis):
                            // A record takes at least 12 bytes, so no reader can invent more packets.
                            #expect(analysis.packets <= damaged.count / 12, "\(original.name) byte \(offset) ^ \(flip)")
                        case .failure(let error):
                            #expect(error.description.hasPrefix(url.path + ": "), "\(original.name) byte \(offset) ^ \(flip)")
                        }
                    }
                }
            }
        }
    }
}
