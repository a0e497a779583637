import Foundation
import PacketCapture
import SocketTable
import Testing
@testable import CaptureAnalysis
@testable import Checks
@testable import Grading
@testable import LiveRun

/// Issue 12: when libpcap dropped packets, a missing username proves nothing,
/// so username-sent says it could not be judged instead of "sent no data".
@Suite struct DroppedPacketsTests {
    /// What a live run that saw the server listen on 60100 and captured no data looks like.
    static func observed(dropped: UInt32, truncated: Int = 0, clientSends payload: [UInt8] = []) throws -> LiveObservations {
        var observed = LiveObservations()
        let local = SocketAddress(ipv4: 0x7F00_0001, port: 60100)
        let listener = SocketRow(local: local, remote: SocketAddress(ipv4: 0, port: 0), state: .listen)
        observed.listening = ListeningSocket(row: listener, pid: 1, command: ["server"], seenAfter: .milliseconds(5))
        observed.serverAddresses = ServerAddresses(listeners: [listener])
        // An empty capture file: the packets that would have shown the data are the dropped ones.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dropped-\(UUID().uuidString).pcap")
        defer { try? FileManager.default.removeItem(at: url) }
        var header: [UInt8] = [0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0]
        header += [UInt8](repeating: 0, count: 8) + [0xFF, 0xFF, 0, 0] + [1, 0, 0, 0]
        if !payload.isEmpty {
            // One Ethernet/IPv4/TCP frame 127.0.0.1:61000 → 127.0.0.1:60100 (a higher port, so taken as the client) carrying `payload`.
            let ipLength = 20 + 20 + payload.count
            var frame = [UInt8](repeating: 0, count: 12) + [0x08, 0x00]
            frame += [0x45, 0, UInt8(ipLength >> 8), UInt8(ipLength & 0xFF), 0, 0, 0x40, 0, 64, 6, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1]
            frame += [0xEE, 0x48, 0xEA, 0xC4, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x18, 0xFF, 0xFF, 0, 0, 0, 0] + payload
            let length = withUnsafeBytes(of: UInt32(frame.count).littleEndian, Array.init)
            header += [1, 0, 0, 0, 0, 0, 0, 0] + length + length + frame
        }
        try Data(header).write(to: url)
        var capture = try CaptureAnalysis.analyze(path: url.path, needles: [Array("zed".utf8)])
        capture.liveStatistics = LiveCapture.Statistics(received: 20_000, dropped: dropped, truncated: truncated)
        observed.capture = capture
        return observed
    }

    static func usernameSent(_ observed: LiveObservations) -> (status: String, message: String)? {
        let checks = LiveChecks(observed: observed, clientNotFound: nil, username: "zed", limits: (5, 5)).results()
        return checks.first { $0.id == CheckID.usernameSent }.map { ("\($0.status)", $0.message) }
    }

    @Test func droppedPacketsMakeTheCheckAnErrorSayingHowMany() throws {
        let result = try #require(Self.usernameSent(try Self.observed(dropped: 1234)))
        #expect(result.status.contains("error"), "\(result)")
        #expect(result.message.contains("Could not be judged: 1234 packets dropped"), "\(result.message)")
    }

    @Test func withoutDropsTheVerdictStands() throws {
        let result = try #require(Self.usernameSent(try Self.observed(dropped: 0)))
        #expect(result.status.contains("failed"), "\(result)")
        #expect(!result.message.contains("dropped"))
    }

    /// A client that sent more than the capture keeps per connection before its username.
    @Test func cutConnectionsWithoutTheUsernameCannotBeJudged() throws {
        let cut = try #require(Self.usernameSent(try Self.observed(dropped: 0, truncated: 9, clientSends: Array("xxxx".utf8))))
        #expect(cut.status.contains("error"), "\(cut)")
        #expect(cut.message.contains("9 packets were cut"), "\(cut.message)")
        let whole = try #require(Self.usernameSent(try Self.observed(dropped: 0, clientSends: Array("xxxx".utf8))))
        #expect(whole.status.contains("failed"), "\(whole)")
        let found = try #require(Self.usernameSent(try Self.observed(dropped: 0, truncated: 9, clientSends: Array("zed\n".utf8))))
        #expect(found.status.contains("passed"), "\(found)")
    }

    @Test func helperStatisticsLineReadsBack() {
        let statistics = LiveCapture.Statistics(received: 7, dropped: 3, truncated: 2, unwritten: 1)
        #expect(LiveCapture.Statistics(line: Substring(statistics.line)) == statistics)
        #expect(LiveCapture.Statistics(line: "ready") == nil)
    }
}
