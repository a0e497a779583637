import Foundation
import Testing
@testable import PacketCapture
import PacketDecoding

/// Issue 18.1: grading and `inspect` read with the Swift reader; libpcap is
/// the reference it is held to, on every capture in ../shared/captures
/// (public captures of many writers, never copied into the repository).
@Suite struct SharedCapturesAgreementTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/captures")

    static var files: [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { name in [".pcap", ".pcapng", ".cap"].contains { name.lowercased().hasSuffix($0) } }
            .sorted()
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path), "../shared/captures is absent"))
    func swiftReaderDeliversWhatLibpcapDeliversOnEverySharedCapture() throws {
        let files = Self.files
        #expect(!files.isEmpty)
        var compared = 0
        for file in files {
            let path = Self.folder.appendingPathComponent(file).path
            let swift = Result { try CaptureFixtures.frames(path, engine: .swift) }
            let libpcap = Result { try CaptureFixtures.frames(path, engine: .libpcap) }
            switch (swift, libpcap) {
            case let (.success(mine), .success(theirs)):
                compared += 1
                #expect(mine.frames.count == theirs.frames.count, "\(file)")
                #expect((mine.error == nil) == (theirs.error == nil), "\(file): \(String(describing: mine.error)) / \(String(describing: theirs.error))")
                // libpcap maps LINKTYPE_ values to its DLT_ ones (101 to 12): compare what they mean.
                for (a, b) in zip(mine.frames, theirs.frames)
                where a.bytes != b.bytes || a.originalLength != b.originalLength
                    || (a.dataLink != b.dataLink && LinkType(dlt: a.dataLink) != LinkType(dlt: b.dataLink)) {
                    Issue.record("\(file): frame \(a.number) differs: \(a.bytes.count)/\(b.bytes.count) bytes, length \(a.originalLength)/\(b.originalLength), link \(a.dataLink)/\(b.dataLink)")
                    break
                }
            case (.failure, .failure):
                break
            case let (.success, .failure(error)):
                Issue.record("\(file): only libpcap refuses it: \(error)")
            case let (.failure(error), .success):
                Issue.record("\(file): only the Swift reader refuses it: \(error)")
            }
        }
        #expect(compared > 0)
    }
}
