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
