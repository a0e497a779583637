import Foundation
import Testing

/// `sockgrade inspect` as an instructor runs it.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "run `swift build` first"))
struct InspectCommandTests {
    @Test func missingFileExitsTwoNamingTheFile() throws {
        let result = try Sockgrade.run(["inspect", "/nonexistent/capture.pcap"])
        #expect(result.status == 2)
        #expect(result.standardError == "sockgrade: error: /nonexistent/capture.pcap: no such file\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func textReadsLikeCapinfosThenConversations() throws {
        let result = try Sockgrade.run(["inspect", "submissions/grace/grace_lo.pcap", "--username", "grace"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.prefix(4) == [
            "File:          submissions/grace/grace_lo.pcap",
            "Format:        pcap",
            "Link types:    LINUX_SLL",
            "Packets:       10 (10 TCP segments, 0 undecodable)",
        ])
        #expect(lines.contains { $0.hasPrefix("Duration:      0.000") })
        #expect(lines.contains("TCP conversations: 1 (1 loopback)"))
        let conversation = try #require(lines.first { $0.hasPrefix("  #0  127.0.0.1:") })
        #expect(conversation.contains("→ 127.0.0.1:61000  loopback, handshake seen, 0.000000–"))
        #expect(conversation.hasSuffix("client→server 6 B, server→client 0 B, closed"))
        // The username went out in two segments: both frames are named and dumped together.
        #expect(lines.contains { $0.hasPrefix("  stream #0 client-to-server ") && $0.hasSuffix("once, frames 4, 6") })
        #expect(lines.contains("      0000  67 72 61 63 65 0a                                 grace."))
    }

    /// inspect reads with the Swift reader unless told otherwise; on every
    /// capture of the class it must say what libpcap's reading says, word for
    /// word but for how a cut-short file's damage is worded.
    @Test(arguments: [
        ("submissions/alice/capture.pcapng", "alice"), ("submissions/bob/lo0.pcap", "bob"),
        ("submissions/carol/dumpfile.pcap", "cjones"), ("submissions/dave/dave_capture.pcapng", "dave"),
        ("submissions/grace/grace_lo.pcap", "grace"), ("submissions/heidi/capture.pcap", "heidi"),
    ])
    func bothReadersGiveTheSameReport(_ capture: String, _ username: String) throws {
        let swift = try Sockgrade.run(["inspect", capture, "--username", username, "--json"])
        let libpcap = try Sockgrade.run(["inspect", capture, "--username", username, "--json", "--engine", "libpcap"])
        #expect(swift.status == 0)
        #expect(libpcap.status == swift.status)
        #expect(swift.standardOutput.contains("\"matches\" : ["))
        let isProblem: (Substring) -> Bool = { $0.hasPrefix("  \"problem\" : ") }
        let swiftLines = swift.standardOutput.split(separator: "\n")
        let libpcapLines = libpcap.standardOutput.split(separator: "\n")
        #expect(libpcapLines.filter { !isProblem($0) } == swiftLines.filter { !isProblem($0) })
        let isCutShort = capture.hasPrefix("submissions/heidi/")
        #expect(swiftLines.contains(where: isProblem) == isCutShort)
        #expect(libpcapLines.contains(where: isProblem) == isCutShort)
    }

    /// A port scan on loopback: a SYN from a new port for every packet. Past
    /// 100,000 conversations the rest are counted, not followed, so the
    /// scan cannot make memory grow with the file.
    @Test func portScanBeyondTheConversationLimitIsCountedNotFollowed() throws {
        let scratch = try Scratch()
        let capture = scratch.url.appendingPathComponent("scan.pcap")
        try Self.portScan(conversations: 100_010).write(to: capture)
        let result = try Sockgrade.run(["inspect", capture.path, "--username", "alice", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["packets"] as? Int == 100_010)
        #expect(object["tcp_streams"] as? Int == 100_000)
        #expect(object["untracked_segments"] as? Int == 10)
        #expect((object["conversations"] as? [Any])?.count == 100_000)
        let text = try Sockgrade.run(["inspect", capture.path])
        #expect(text.standardOutput.contains("Not followed:  10 TCP segments of conversations after the first 100000"))
    }

    /// Classic pcap, Ethernet, one SYN from 127.0.0.1 to 127.0.0.2:80 per conversation, each from its own port.
    static func portScan(conversations: Int) -> Data {
        loopbackCapture((0..<conversations).map { index in
            Segment(client: [127, 0, UInt8(index / 60000), 1], port: UInt16(1024 + index % 60000), sequence: 1, flags: 0x02)
        })
    }

    /// A client's TCP segment to 127.0.0.2:80.
    struct Segment {
        var client: [UInt8] = [127, 0, 0, 1]
        var port: UInt16 = 40000
        var sequence: UInt32
        var flags: UInt8 = 0x18
        var payload: [UInt8] = []
    }

    /// Classic pcap, Ethernet, the segments in order, a millisecond apart.
    static func loopbackCapture(_ segments: [Segment]) -> Data {
        var bytes: [UInt8] = []
        func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func big16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        func big32(_ value: UInt32) -> [UInt8] { big16(Int(value >> 16)) + big16(Int(value & 0xFFFF)) }
        put32(0xA1B2_C3D4); bytes += [2, 0, 4, 0]; put32(0); put32(0); put32(65535); put32(1)
        for (index, segment) in segments.enumerated() {
            let frame: [UInt8] = Array(repeating: 0, count: 12) + [0x08, 0x00]
                + [0x45, 0] + big16(40 + segment.payload.count) + [0, 0, 0x40, 0, 64, 6, 0, 0] + segment.client + [127, 0, 0, 2]
                + big16(Int(segment.port)) + [0, 80] + big32(segment.sequence) + [0, 0, 0, 0, 0x50, segment.flags, 0xFF, 0xFF, 0, 0, 0, 0]
                + segment.payload
            put32(1_700_000_000 + UInt32(index / 1000)); put32(UInt32(index % 1000) * 1000)
            put32(UInt32(frame.count)); put32(UInt32(frame.count))
            bytes += frame
        }
        return Data(bytes)
    }

    /// A resend that differs from the bytes first received, and 100 bytes
    /// that never made it into the capture: both are said, not papered over.
    @Test func gapsAndDifferingResendsAreReported() throws {
        let scratch = try Scratch()
        let capture = scratch.url.appendingPathComponent("anomalies.pcap")
        try Self.loopbackCapture([
            Segment(sequence: 0, flags: 0x02),
            Segment(sequence: 1, payload: Array("hello".utf8)),
            Segment(sequence: 1, payload: Array("hXllo".utf8)),
            Segment(sequence: 106, payload: Array("world".utf8)),
        ]).write(to: capture)

        let text = try Sockgrade.run(["inspect", capture.path])
        #expect(text.status == 0)
        let lines = text.standardOutput.split(separator: "\n").map(String.init)
        let conversation = try #require(lines.first { $0.hasPrefix("  #0  127.0.0.1:40000 → 127.0.0.2:80") })
        #expect(conversation.hasSuffix("client→server 10 B, server→client 0 B, 1 retransmitted segment(s), 1 gap(s), 1 resend(s) that differ"))
        #expect(lines.contains("      client→server: 100 B never captured at stream offset 5, before frame 4 (the capture ended with data waiting behind it)"))
        #expect(lines.contains("      client→server: frame 3 resends 1 B at stream offset 1 differently from the bytes first received: kept \"e\", discarded \"X\""))

        let json = try Sockgrade.run(["inspect", capture.path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let first = try #require((object["conversations"] as? [[String: Any]])?.first)
        let sent = try #require(first["client_to_server"] as? [String: Any])
        #expect(sent["payload_bytes"] as? Int == 10)
        #expect(sent["retransmitted_segments"] as? Int == 1)
        #expect(sent["gap_bytes"] as? Int == 100)
        let gap = try #require((sent["gaps"] as? [[String: Any]])?.first)
        #expect(gap["stream_offset"] as? Int == 5)
        #expect(gap["cause"] as? String == "end-of-capture")
        let overlap = try #require((sent["overlaps"] as? [[String: Any]])?.first)
        #expect(overlap["frame"] as? Int == 3)
        // The first-received bytes were delivered already; only held (out-of-order) bytes keep their frame.
        #expect(overlap["original_frame"] == nil)
        #expect(overlap["kept"] as? String == "\"e\"")
        #expect(overlap["discarded"] as? String == "\"X\"")
    }

    @Test func usernameNotSentSaysSo() throws {
        let result = try Sockgrade.run(["inspect", "submissions/erin/erin.pcap", "--username", "erin", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect((object["matches"] as? [Any])?.isEmpty == true)
        #expect(object["packets"] as? Int == 10)
        #expect((object["duration_seconds"] as? Double).map { $0 >= 0 } == true)
    }

    @Test func framesListsEveryFrameAndWarnsOfTheCut() throws {
        let result = try Sockgrade.run(["inspect", "--frames", "submissions/heidi/capture.pcap"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.last?.hasSuffix("\t32\t68656964690a") == true)  // "heidi\n" after a 32-byte TCP header
        #expect(result.standardError.hasPrefix("sockgrade: warning: submissions/heidi/capture.pcap: the file is cut short"))
    }
}
