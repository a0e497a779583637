import Foundation
import FoundationXML
import Testing

/// Grades real students with every output switched on and checks each file as its
/// consumer would: the JSON against the published schema, JUnit as XML, the page in
/// a real headless Chromium.
@Suite(.enabled(if: Tools.canGrade, "needs root, bubblewrap and a built sockgrade"), .serialized)
struct ReportOutputTests {
    static let students = ["alice", "bob", "cjones", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]

    @Test("reports, summary, JUnit, Markdown, HTML and evidence files for the whole class; --fail-under fails it")
    func classOutputs() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("out")
        let result = try Sockgrade.run(
            ["grade", "submissions", "--out", out.path,
             "--junit", out.appendingPathComponent("junit.xml").path,
             "--markdown", scratch.url.appendingPathComponent("summary.md").path,
             "--html", out.appendingPathComponent("index.html").path, "--fail-under", "2"],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("below --fail-under 2: erin (1.2), frank (0), heidi (1.6), judy (1.6)"))
        // Not a terminal: one plain line per student, then the table, and no colour.
        // Students finish in any order with two at a time; each gets its numbered line.
        let count = SampleClass.studentCount
        #expect(result.standardOutput.contains("/\(count)] alice: 2 / 2  all checks passed"))
        #expect((1...count).allSatisfy { result.standardOutput.contains("[\($0)/\(count)] ") })
        #expect(result.standardOutput.contains("erin     1.2 / 2  username-sent (failed), capture-username (failed)"))
        #expect(!result.standardOutput.contains("\u{1B}["))
        #expect(!result.standardOutput.contains("::error"))

        // Every report the run wrote, whatever the outcome of its checks.
        let reports = Self.students.map { out.appendingPathComponent("\($0).json") }
        let valid = try Tools.validate(reports, against: "report.schema.json")
        #expect(valid.status == 0, "\(valid.standardOutput)\(valid.standardError)")
        let summary = try Tools.validate([out.appendingPathComponent("summary.json")], against: "summary.schema.json")
        #expect(summary.status == 0, "\(summary.standardOutput)\(summary.standardError)")

        // The validator can fail: a report without its checks is refused, naming the key.
        var broken = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: reports[0])) as? [String: Any])
        broken["checks"] = nil
        broken["score"] = "2"
        let brokenFile = scratch.url.appendingPathComponent("broken.json")
        try JSONSerialization.data(withJSONObject: broken).write(to: brokenFile)
        let refused = try Tools.validate([brokenFile], against: "report.schema.json")
        #expect(refused.status == 1)
        #expect(refused.standardOutput.contains("'checks' is a required property"))
        #expect(refused.standardOutput.contains("score: '2' is not of type 'number'"))

        let junit = try XMLDocument(contentsOf: out.appendingPathComponent("junit.xml"))
        #expect(try junit.nodes(forXPath: "/testsuites/testsuite").count == SampleClass.studentCount)
        // Fourteen checks a student: five worth points, nine informational (0 points).
        #expect(try junit.nodes(forXPath: "/testsuites/testsuite/testcase").count == 14 * SampleClass.studentCount)
        #expect(try junit.nodes(forXPath: "//testcase[@name='username-sent: Username sent']/failure").count == 1)

        let markdown = try String(contentsOf: scratch.url.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(markdown.contains("| erin | erin | 1.2 / 2 | `username-sent` (failed), `capture-username` (failed) |"))

        for file in ["live.pcap", "server.stdout.txt", "client.stdout.txt", "sockets-at-listen.txt", "sockets-at-established.txt"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("alice/\(file)").path), "alice/\(file)")
        }
        let listening = try String(contentsOf: out.appendingPathComponent("alice/sockets-at-listen.txt"), encoding: .utf8)
        #expect(listening.contains("127.0.0.1:59123") && listening.contains("LISTEN"))
        let compiler = try String(contentsOf: out.appendingPathComponent("frank/server-build.stderr.txt"), encoding: .utf8)
        #expect(compiler.contains("clientfd"))
    }

    @Test("the page works in headless Chromium: content, filter by failing check, sorting, screenshot",
          .enabled(if: Tools.hasChromium, "needs Debian's chromium (make test installs it)"))
    func pageInChromium() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("out")
        let page = out.appendingPathComponent("index.html")
        let graded = try Sockgrade.run(
            ["grade", "submissions/alice", "submissions/erin", "submissions/frank", "--out", out.path, "--html", page.path])
        #expect(graded.status == 0, "\(graded.standardError)")

        let dom = try Tools.chromium(["--dump-dom"], page: page, fragment: "#failing=username-sent&sort=score")
        #expect(dom.status == 0, "\(dom.standardError.suffix(2000))")
        let html = dom.standardOutput
        // The script ran: the filter hid alice, who sent her username, and counted the rest.
        #expect(html.contains("2 of 3 shown"))
        #expect(rowOpening(for: "alice", in: html)?.contains("hidden") == true)
        #expect(rowOpening(for: "erin", in: html)?.contains("hidden") == false)
        // Sorted by score, lowest first, which is not the page's alphabetical order.
        let order = ["frank", "erin", "alice"].compactMap { name in html.range(of: "\">\(name)</a></td>")?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        #expect(html.contains("aria-sort=\"ascending\""))
        // Per student: socket tables, the dump of the username segment, output, the capture link.
        #expect(html.contains("0000  61 6c 69 63 65 0a"))
        #expect(html.contains("Proto Recv-Q Send-Q Local Address"))
        #expect(html.contains("href=\"./alice/live.pcap\""))
        #expect(html.contains("clientfd"))

        // Issue 17: on a 1366-px laptop screen the class table, every score and every
        // "not passed" cell are in view, with no sideways scrolling.
        let extent = try Tools.classTableExtent(of: page, width: 1366)
        #expect(extent["rows"] == 3)
        #expect((extent["table"] ?? .infinity) <= 1366, "\(extent)")
        #expect((extent["cells"] ?? .infinity) <= 1366, "\(extent)")
        #expect((extent["scroll"] ?? .infinity) <= 1366, "\(extent)")

        let screenshot = scratch.url.appendingPathComponent("page.png")
        let shot = try Tools.chromium(["--screenshot=\(screenshot.path)", "--window-size=1366,900"], page: page)
        #expect(shot.status == 0, "\(shot.standardError.suffix(2000))")
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000, "a blank page compresses to a few KB; this one is \(png.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["SOCKGRADE_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: screenshot, to: URL(fileURLWithPath: keep))
        }
    }

    /// The `<tr …>` opening tag of a student's row in the class table.
    private func rowOpening(for student: String, in html: String) -> String? {
        guard let link = html.range(of: "\">\(student)</a></td>") else { return nil }
        guard let start = html[..<link.lowerBound].range(of: "<tr ", options: .backwards) else { return nil }
        guard let end = html[start.lowerBound...].firstIndex(of: ">") else { return nil }
        return String(html[start.lowerBound...end])
    }
}
