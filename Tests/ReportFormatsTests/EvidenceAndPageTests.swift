import Foundation
import Reporting
import Testing
@testable import ReportFormats

@Suite("Evidence files and the HTML page")
struct EvidenceAndPageTests {
    @Test("evidence files hold each program's output and both socket tables with netstat's header")
    func evidenceFiles() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try EvidenceFiles.write(Fixtures.report(student: ".hidden/alice", truncated: true), outputFolder: folder)
        #expect(written == [
            "hidden_alice/server.stdout.txt", "hidden_alice/server.stderr.txt",
            "hidden_alice/sockets-at-listen.txt", "hidden_alice/sockets-at-established.txt",
        ])
        let established = try String(contentsOf: folder.appendingPathComponent("hidden_alice/sockets-at-established.txt"), encoding: .utf8)
        #expect(established == [EvidenceText.netstatHeader, Fixtures.listenRow, Fixtures.establishedRow].joined(separator: "\n") + "\n")
        let stdout = try String(contentsOf: folder.appendingPathComponent("hidden_alice/server.stdout.txt"), encoding: .utf8)
        #expect(stdout.hasPrefix("Listening on 59123\n"))
        #expect(stdout.contains("output cut here"))
    }

    @Test("the page escapes what students control and fetches nothing")
    func pageEscapesAndStaysLocal() {
        let hostile = Fixtures.report(student: "<script>alert(1)</script>")
        let page = HTMLReport(
            reports: [Fixtures.report(), hostile], checkIDs: ["server-listening", "username-sent"],
            evidenceBase: "", liveCaptures: ["alice"]
        ).render()
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("<a href=\"./alice/live.pcap\">live.pcap</a>"))
        #expect(page.contains("default-src 'none'"))
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains(" src="))
        #expect(page.contains(Fixtures.dumpLine))
        #expect(page.contains("data-failing=\"username-sent capture-file capture-username\""))
    }

    @Test("links from the page reach the output folder wherever the page is written")
    func relativeLinks() {
        let out = URL(fileURLWithPath: "/srv/grades/out")
        #expect(RelativePath.link(from: out, to: out) == "")
        #expect(RelativePath.link(from: URL(fileURLWithPath: "/srv/grades"), to: out) == "out/")
        #expect(RelativePath.link(from: URL(fileURLWithPath: "/srv/web"), to: out) == "../grades/out/")
        #expect(RelativePath.link(from: URL(fileURLWithPath: "/srv"), to: URL(fileURLWithPath: "/srv/a b")) == "a%20b/")
    }
}
