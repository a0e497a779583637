import Foundation
import PacketDecoding
import Testing
@testable import PacketCapture
import CaptureAnalysis

/// The capture files of the bundled class, made by scripts/make-captures.sh
/// from real traffic, in the formats students hand in.
@Suite struct CaptureFileReaderTests {
    static let submissions = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("submissions")

    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var format: CaptureFormat
        var linkType: String
        var username: String
        var description: String { file }
    }

    @Test(arguments: [
        Case(file: "alice/capture.pcapng", format: .pcapng, linkType: "EN10MB", username: "alice"),
        Case(file: "bob/lo0.pcap", format: .pcap, linkType: "NULL", username: "bob"),
        Case(file: "carol/dumpfile.pcap", format: .pcap, linkType: "RAW", username: "cjones"),
        Case(file: "dave/dave_capture.pcapng", format: .pcapng, linkType: "LINUX_SLL2", username: "dave"),
        Case(file: "erin/erin.pcap", format: .pcap, linkType: "EN10MB", username: "Hello World"),
        Case(file: "grace/grace_lo.pcap", format: .pcap, linkType: "LINUX_SLL", username: "grace"),
        Case(file: "leo/lab2.pcap", format: .pcap, linkType: "EN10MB", username: "leo"),
        Case(file: "mia/mia.pcapng", format: .pcapng, linkType: "EN10MB", username: "mia"),
    ])
    func everyFormatYieldsTheUsernameStream(_ entry: Case) throws {
        let analysis = try CaptureAnalysis.analyze(
            path: Self.submissions.appendingPathComponent(entry.file).path, needles: [Array(entry.username.utf8)])
        #expect(analysis.format == entry.format)
        #expect(analysis.linkTypes == [entry.linkType])
        #expect(analysis.readError == nil)
        #expect(analysis.malformedFrames == 0)
        #expect(analysis.packets == analysis.tcpSegments)
        let conversation = try #require(analysis.conversations.first)
        #expect(conversation.isLoopback)
        #expect(conversation.handshake.complete)
        #expect(conversation.clientToServer.matches.count == 1)
    }

    @Test func cutShortFileGivesThePacketsBeforeTheCut() throws {
        let analysis = try CaptureAnalysis.analyze(
            path: Self.submissions.appendingPathComponent("heidi/capture.pcap").path, needles: [Array("heidi".utf8)])
        #expect(analysis.readError?.code == .truncated)
        #expect(analysis.packets == 4)
        #expect(analysis.conversations.first?.clientToServer.matches.count == 1)
    }

    @Test func missingFileIsUnreadable() {
        let error = #expect(throws: CaptureError.self) { try CaptureFileReader(path: "/nonexistent.pcap") }
        #expect(error?.code == .unreadable)
        #expect(error?.description == "/nonexistent.pcap: no such file")
    }

    @Test func framesAreNumberedFromOneWithTimestamps() throws {
        let reader = try CaptureFileReader(path: Self.submissions.appendingPathComponent("erin/erin.pcap").path)
        var numbers: [Int] = []
        var times: [Double] = []
        let error = reader.forEachFrame { frame in
            numbers.append(frame.number)
            times.append(frame.timestamp)
        }
        #expect(error == nil)
        #expect(numbers == Array(1...numbers.count))
        #expect(times == times.sorted())
        #expect((times.first ?? 0) > 1_600_000_000)
    }
}
