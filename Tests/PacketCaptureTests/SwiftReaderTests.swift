import Foundation
import PacketDecoding
import Testing
@testable import PacketCapture
import CaptureAnalysis

/// The Swift reader against libpcap on every fixture, and on the pcapng
/// features libpcap 1.10 refuses or the fixtures do not contain.
@Suite struct SwiftReaderTests {
    @Test(arguments: CaptureFixtures.readable)
    func swiftReaderDeliversWhatLibpcapDelivers(_ file: String) throws {
        let path = CaptureFixtures.path(file)
        let libpcap = try CaptureFixtures.frames(path, engine: .libpcap)
        let swift = try CaptureFixtures.frames(path, engine: .swift)
        #expect(!swift.frames.isEmpty)
        #expect(swift.frames.count == libpcap.frames.count)
        for (mine, theirs) in zip(swift.frames, libpcap.frames) {
            #expect(mine.bytes == theirs.bytes)
            #expect(mine.originalLength == theirs.originalLength)
            // libpcap turns LINKTYPE_ values into DLT_ ones (101 into 12); both are RAW.
            #expect(LinkType(dlt: mine.dataLink) == LinkType(dlt: theirs.dataLink))
            #expect(abs(mine.timestamp - theirs.timestamp) < 1e-6)
        }
        #expect(swift.error?.code == libpcap.error?.code)
    }

    /// alice's Ethernet frames and dave's SLL2 frames in one section, one interface each.
    static func twoLinkTypes(bigEndian: Bool) throws -> PcapngBuilder {
        let ethernet = try CaptureFixtures.frames(CaptureFixtures.path("alice/capture.pcapng"), engine: .swift).frames
        let cooked = try CaptureFixtures.frames(CaptureFixtures.path("dave/dave_capture.pcapng"), engine: .swift).frames
        var file = PcapngBuilder(bigEndian: bigEndian)
        file.sectionHeader()
        file.interface(linkType: 1)
        // Nanosecond resolution and a one-second offset on the second interface.
        file.interface(linkType: 276, options: file.option(9, [9]) + file.option(14, file.encode64(1)) + file.endOfOptions)
        for frame in ethernet {
            file.enhancedPacket(interface: 0, units: UInt64(frame.timestamp * 1e6), frame: frame.bytes)
        }
        // An unknown block and an EPB with an option (a comment) are skipped and read.
        file.block(type: 0x0BAD_0001, body: [1, 2, 3, 4, 5])
        for frame in cooked {
            file.enhancedPacket(interface: 1, units: UInt64(frame.timestamp * 1e9) - 1_000_000_000,
                                frame: frame.bytes, options: file.option(1, Array("hi".utf8)) + file.endOfOptions)
        }
        return file
    }

    @Test(arguments: [false, true])
    func interfacesOfDifferentLinkTypesAreReadWhereLibpcapStops(bigEndian: Bool) throws {
        let url = CaptureFixtures.temporaryFile(".pcapng")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.twoLinkTypes(bigEndian: bigEndian).write(to: url)

        let read = try CaptureFixtures.frames(url.path, engine: .libpcap)
        #expect(read.error == nil)
        #expect(read.frames.map(\.number) == Array(1...20))
        #expect(Set(read.frames.prefix(10).map(\.dataLink)) == [1])
        #expect(Set(read.frames.suffix(10).map(\.dataLink)) == [276])
        let dave = try CaptureFixtures.frames(CaptureFixtures.path("dave/dave_capture.pcapng"), engine: .swift).frames
        #expect(abs(read.frames[10].timestamp - dave[0].timestamp) < 1e-6)

        let analysis = try CaptureAnalysis.analyze(path: url.path, needles: [Array("dave".utf8)])
        #expect(analysis.linkTypes == ["EN10MB", "LINUX_SLL2"])
        #expect(analysis.conversations.count == 2)
        #expect(analysis.malformedFrames == 0)
        #expect(analysis.conversations[1].clientToServer.matchCount == 1)
    }

    @Test func simpleAndObsoletePacketBlocksAreFrames() throws {
        let frames = try CaptureFixtures.frames(CaptureFixtures.path("bob/lo0.pcap"), engine: .swift).frames
        var file = PcapngBuilder(bigEndian: true)
        file.sectionHeader(options: file.option(4, Array("test".utf8)) + file.endOfOptions)
        file.interface(linkType: 0, options: file.option(2, Array("lo0".utf8)) + file.endOfOptions)
        for (index, frame) in frames.enumerated() {
            if index % 2 == 0 {
                file.simplePacket(frame: frame.bytes)
            } else {
                file.obsoletePacket(interface: 0, units: UInt64(frame.timestamp * 1e6), frame: frame.bytes)
            }
        }
        let url = CaptureFixtures.temporaryFile(".pcapng")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(to: url)

        let read = try CaptureFixtures.frames(url.path, engine: .swift)
        #expect(read.error == nil)
        #expect(read.frames.map(\.bytes) == frames.map(\.bytes))
        #expect(read.frames.allSatisfy { $0.dataLink == 0 })
        let analysis = try CaptureAnalysis.analyze(path: url.path, needles: [Array("bob".utf8)], engine: .swift)
        #expect(analysis.conversations.first?.clientToServer.matchCount == 1)
    }

    @Test func packetOfAnUndeclaredInterfaceIsAnError() throws {
        var file = PcapngBuilder()
        file.sectionHeader()
        file.interface(linkType: 1)
        file.enhancedPacket(interface: 3, units: 0, frame: [0, 1, 2, 3])
        let url = CaptureFixtures.temporaryFile(".pcapng")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(to: url)
        let read = try CaptureFixtures.frames(url.path, engine: .swift)
        #expect(read.frames.isEmpty)
        #expect(read.error?.code == .malformed)
        #expect(read.error?.description.hasPrefix(url.path + ": packet 1 refers to interface 3, but the section declares 1") == true)
    }

    @Test func blockLengthBeyondTheFileIsCutShort() throws {
        var file = PcapngBuilder()
        file.sectionHeader()
        file.interface(linkType: 1)
        file.enhancedPacket(interface: 0, units: 0, frame: [UInt8](repeating: 0xAB, count: 60))
        let url = CaptureFixtures.temporaryFile(".pcapng")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(file.bytes.dropLast(10)).write(to: url)
        let read = try CaptureFixtures.frames(url.path, engine: .swift)
        #expect(read.frames.isEmpty)
        #expect(read.error?.code == .truncated)
    }
}
