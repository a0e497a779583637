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

    /// Frame numbers of the packets, as `tshark -T fields -e frame.number` gives them
    /// (tshark also numbers custom and systemd journal blocks, as "data" or "systemd_journal").
    static func tsharkPacketNumbers(_ path: String) throws -> [Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tshark")
        process.arguments = ["-n", "-r", path, "-T", "fields", "-e", "frame.number", "-e", "frame.protocols"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2, fields[1] != "data", fields[1] != "systemd_journal" else { return nil }
            return Int(fields[0])
        }
    }

    /// Issue 18.5: frames after custom and journal blocks keep Wireshark's numbers.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tshark"), "needs tshark"))
    func frameNumbersAreWiresharksAroundNonPacketBlocks() throws {
        let alice = try CaptureFixtures.frames(CaptureFixtures.path("alice/capture.pcapng"), engine: .swift).frames
        var file = PcapngBuilder()
        file.sectionHeader()
        file.interface(linkType: 1)
        file.enhancedPacket(interface: 0, units: 1, frame: alice[0].bytes)
        file.block(type: 0x0000_0BAD, body: file.encode32(32473) + Array("note".utf8))
        file.enhancedPacket(interface: 0, units: 2, frame: alice[1].bytes)
        file.block(type: 9, body: Array("__REALTIME_TIMESTAMP=1\nMESSAGE=hi\n".utf8))
        file.block(type: 0x4000_0BAD, body: file.encode32(32473) + Array("copy".utf8))
        file.block(type: 4, body: [0, 0, 0, 0])
        file.enhancedPacket(interface: 0, units: 3, frame: alice[2].bytes)
        let url = CaptureFixtures.temporaryFile(".pcapng")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(to: url)
        var paths = [url.path]
        for endian in ["le", "be"] {
            for name in ["test017", "test018", "test102", "test202"] {
                let shared = Self.folder.appendingPathComponent("google/gopacket/pcapgo/tests/\(endian)/\(name).pcapng").path
                if FileManager.default.fileExists(atPath: shared) { paths.append(shared) }
            }
        }
        for path in paths {
            let ours = try CaptureFixtures.frames(path, engine: .swift).frames.map(\.number)
            #expect(ours == (try Self.tsharkPacketNumbers(path)), "\(path)")
        }
        #expect(try CaptureFixtures.frames(url.path, engine: .swift).frames.map(\.number) == [1, 3, 6])
    }
}
