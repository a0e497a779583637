import Foundation
import Testing
@testable import PacketCapture
import CaptureAnalysis

/// Issue 18.4: the Swift reader, which grading uses, refuses what libpcap
/// refuses in a file header, names the formats it does not read, and says
/// which frames it could not decode.
@Suite struct FileHeaderTests {
    /// A little-endian pcap header of the given version and link type, and one 4-byte record.
    static func pcap(major: UInt16 = 2, minor: UInt16 = 4, linkType: UInt32 = 1) -> [UInt8] {
        func le16(_ v: UInt16) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
        func le32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
        return le32(0xA1B2_C3D4) + le16(major) + le16(minor) + le32(0) + le32(0) + le32(65535) + le32(linkType)
            + le32(1) + le32(0) + le32(4) + le32(4) + [1, 2, 3, 4]
    }

    /// Opens `bytes` with both engines: whether each refused the file.
    static func refusals(_ bytes: [UInt8], suffix: String) throws -> (swift: CaptureError?, libpcap: CaptureError?) {
        let url = CaptureFixtures.temporaryFile(suffix)
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        func refusal(_ engine: CaptureFileReader.Engine) -> CaptureError? {
            do {
                let reader = try CaptureFileReader(path: url.path, engine: engine)
                return reader.forEachFrame { _ in }.flatMap { $0.code == .truncated ? nil : $0 }
            } catch {
                return error
            }
        }
        return (refusal(.swift), refusal(.libpcap))
    }

    @Test func pcapVersionOneIsRefusedAsLibpcapRefusesIt() throws {
        let (swift, libpcap) = try Self.refusals(Self.pcap(major: 1, minor: 0), suffix: ".pcap")
        #expect(libpcap != nil)
        #expect(swift?.problem.contains("unsupported pcap file version 1.0") == true, "\(String(describing: swift))")
        let accepted = try Self.refusals(Self.pcap(), suffix: ".pcap")
        #expect(accepted.swift == nil && accepted.libpcap == nil)
    }

    /// libpcap 1.10 masks the reserved bits off rather than refusing them: so does the Swift reader.
    @Test func reservedLinkTypeBitsAreMaskedAsLibpcapMasksThem() throws {
        let (swift, libpcap) = try Self.refusals(Self.pcap(linkType: 0x0030_0001), suffix: ".pcap")
        #expect(swift == nil && libpcap == nil)
    }

    @Test(arguments: [(UInt16(2), UInt16(0)), (1, 1)])
    func pcapngSectionVersionsOtherThanOneZeroAreRefused(major: UInt16, minor: UInt16) throws {
        var file = PcapngBuilder()
        file.block(type: 0x0A0D_0D0A, body: file.encode32(0x1A2B_3C4D) + file.encode16(major) + file.encode16(minor) + file.encode64(UInt64.max))
        file.interface(linkType: 1)
        let (swift, libpcap) = try Self.refusals(file.bytes, suffix: ".pcapng")
        #expect(libpcap != nil)
        #expect(swift?.problem.contains("unsupported pcapng version \(major).\(minor)") == true, "\(String(describing: swift))")
    }

    @Test func sectionHeaderOptionRunningPastTheBlockIsSaid() throws {
        var file = PcapngBuilder()
        // An option claiming 200 bytes in a block that has 8 after the fixed fields.
        file.sectionHeader(options: file.encode16(3) + file.encode16(200) + [0x61, 0x62, 0x63, 0x64])
        file.interface(linkType: 1)
        let (swift, _) = try Self.refusals(file.bytes, suffix: ".pcapng")
        #expect(swift?.problem.hasPrefix("section header block: option length runs past the block") == true, "\(String(describing: swift))")
    }

    @Test(arguments: [
        ([0x04, 0x22, 0x4D, 0x18, 0, 0, 0, 0] as [UInt8], "lz4"),
        (Array("snoop".utf8) + [0, 0, 0, 0, 0, 0, 2], "Solaris snoop"),
        ([0x34, 0xCD, 0xB2, 0xA1, 2, 0, 4, 0], "Kuznetzov"),
    ])
    func unsupportedFormatsAreNamed(_ head: [UInt8], _ name: String) {
        #expect(throws: CaptureError.self) { try CaptureFormat.classify(head, subject: "x") }
        do {
            _ = try CaptureFormat.classify(head, subject: "x")
        } catch {
            #expect(error.problem.contains(name), "\(error.problem)")
        }
    }

    @Test func framesOfUndecodedLinkTypesAreCountedByName() throws {
        var file = PcapngBuilder()
        file.sectionHeader()
        file.interface(linkType: 105)
        file.interface(linkType: 1)
        file.enhancedPacket(interface: 0, units: 1, frame: [1, 2, 3])
        file.enhancedPacket(interface: 0, units: 2, frame: [1, 2, 3])
        file.enhancedPacket(interface: 1, units: 3, frame: [UInt8](repeating: 0, count: 14))
        let url = CaptureFixtures.temporaryFile(".pcapng")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(to: url)
        let analysis = try CaptureAnalysis.analyze(path: url.path, needles: [])
        #expect(analysis.packets == 3)
        #expect(analysis.undecodedDescriptions == ["2 frames of link type IEEE802_11 were not decoded"])
        #expect(analysis.linkTypes == ["IEEE802_11", "EN10MB"])
    }

    /// mergecap's output when the inputs' snapshot lengths differ: libpcap 1.10
    /// refuses the second interface; both engines must deliver every frame.
    @Test func mergedPcapngOfTwoSnapshotLengthsIsReadWhole() throws {
        let alice = try CaptureFixtures.frames(CaptureFixtures.path("alice/capture.pcapng"), engine: .swift).frames
        var file = PcapngBuilder()
        file.sectionHeader()
        file.interface(linkType: 1, snapLength: 65535)
        file.interface(linkType: 1, snapLength: 262_144)
        for (index, frame) in alice.enumerated() {
            file.enhancedPacket(interface: UInt32(index % 2), units: UInt64(frame.timestamp * 1e6), frame: frame.bytes)
        }
        let url = CaptureFixtures.temporaryFile(".pcapng")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(to: url)
        for engine in CaptureFileReader.Engine.allCases {
            let read = try CaptureFixtures.frames(url.path, engine: engine)
            #expect(read.error == nil, "\(engine)")
            #expect(read.frames.map(\.bytes) == alice.map(\.bytes), "\(engine)")
        }
        let analysis = try CaptureAnalysis.analyze(path: url.path, needles: [Array("alice".utf8)])
        #expect(analysis.conversations.first?.clientToServer.matchCount == 1)
    }

    /// A record claiming more than the file's snapshot length is cut to it, as libpcap cuts it.
    @Test func recordsLongerThanTheSnapshotLengthAreCutAsLibpcapCutsThem() throws {
        var bytes = Self.pcap()
        bytes.replaceSubrange(16..<20, with: [2, 0, 0, 0])
        let url = CaptureFixtures.temporaryFile(".pcap")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        for engine in CaptureFileReader.Engine.allCases {
            #expect(try CaptureFixtures.frames(url.path, engine: engine).frames.map(\.bytes) == [[1, 2]], "\(engine)")
        }
    }
}
