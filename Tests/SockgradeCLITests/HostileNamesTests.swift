import Foundation
import FoundationXML
import Testing

/// A class whose folder names and output attack each view, graded by the real binary
/// with every output on; then each output is checked the way its reader meets it: the
/// page's links clicked in real Chromium, the CSV's first characters, the control
/// characters in the terminal and CI log, the Markdown's rows and headings, JUnit parsed.
@Suite(.enabled(if: Tools.canGrade, "needs root, bubblewrap and a built sockgrade"), .serialized)
struct HostileNamesTests {
    /// Folder names (a folder name cannot hold `/`); each is a copy of alice's honest work.
    static let names = [
        "javascript:document.title='XSS';0",
        "=HYPERLINK(\"http:x\")",
        "evil\n::error::forged",
        "clear\u{1B}[2J\u{1B}]0;owned\u{7}",
        "rtl\u{202E}gpj.exe",
        "<script>alert(1)<_script>",
        "](javascript:alert(1))",
    ]

    @Test("a hostile class: no link runs script, no CSV cell is a formula, no control character reaches the log")
    func hostileClass() throws {
        let scratch = try Scratch()
        let submissions = try makeClass(in: scratch)
        let out = scratch.url.appendingPathComponent("out")
        let page = out.appendingPathComponent("index.html")
        let markdown = scratch.url.appendingPathComponent("summary.md")
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        environment["GITHUB_ACTIONS"] = "true"
        let graded = try Sockgrade.run(
            ["grade", submissions.path, "--out", out.path, "--html", page.path, "--markdown", markdown.path,
             "--junit", out.appendingPathComponent("junit.xml").path],
            environment: environment)
        #expect(graded.status == 0, "\(graded.standardError)")

        // The CI log: every line is ours, no student text started one, nothing steers the terminal.
        for line in (graded.standardOutput + graded.standardError).split(separator: "\n") {
            #expect(Self.steering(String(line)).isEmpty, "\(line.debugDescription)")
            if line.hasPrefix("::") {
                #expect(["::error title=", "::warning title=", "::notice title="].contains { line.hasPrefix($0) }, "\(line)")
            }
        }
        #expect(graded.standardOutput.contains("evil\\n::error::forged"))
        #expect(!graded.standardOutput.contains("\n::error::forged"))

        // What the run wrote, found by listing the folder rather than guessing its names.
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let reports = written.filter { $0.hasSuffix(".json") && $0 != "summary.json" }
        #expect(reports.count == Self.names.count + 1)
        for report in reports {
            let shown = try Sockgrade.run(["show", out.appendingPathComponent(report).path])
            #expect(shown.status == 0, "\(shown.standardError)")
            #expect(Self.steering(shown.standardOutput).isEmpty, "\(report): \(shown.standardOutput.debugDescription)")
        }

        try checkCSV(out.appendingPathComponent("summary.csv"))
        try checkMarkdown(markdown)
        let junit = try XMLDocument(contentsOf: out.appendingPathComponent("junit.xml"))
        #expect(try junit.nodes(forXPath: "/testsuites/testsuite").count == Self.names.count + 1)
        #expect(try junit.nodes(forXPath: "//script").isEmpty)
        if Tools.hasChromium {
            try checkLinksInChromium(page: page, out: out)
        }
    }

    @Test("the link clicker catches a javascript: link, so its all-clear on the page means something",
          .enabled(if: Tools.hasChromium, "needs Debian's chromium"))
    func clickerCatchesScript() throws {
        let scratch = try Scratch()
        // The page the old code wrote for the first hostile name: the link ran on a click.
        let page = try scratch.write("old.html", """
            <!DOCTYPE html><html><head><meta charset="utf-8">\
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'">\
            <title>sockgrade</title></head><body>\
            <a href="javascript:document.title='XSS';0/live.pcap">live.pcap</a></body></html>
            """)
        let clicked = try ClickedLinks.click(page: page)
        #expect(clicked.links.count == 1)
        #expect(clicked.links.first?.scripts ?? 0 > 0)
        #expect(clicked.links.first?.title == "XSS")
    }

    /// Clicks every link: each must stay a file: URL under the output folder, run no
    /// script, open no dialog and leave the title; each capture link must lead to the
    /// `live.pcap` the run wrote.
    private func checkLinksInChromium(page: URL, out: URL) throws {
        let clicked = try ClickedLinks.click(page: page)
        let folder = out.standardizedFileURL.absoluteString.hasSuffix("/")
            ? out.standardizedFileURL.absoluteString : out.standardizedFileURL.absoluteString + "/"
        // Each student's name and capture, plus in-page links to check rows (checked below all the same).
        let checkRows = clicked.links.filter { $0.href.range(of: "^#student-[0-9]+-", options: .regularExpression) != nil }
        // copydetect's report (code-similarity runs: the built-in rubric brings its tutorial) is a page of its
        // own, so clicking it changes the title; it must still run no script with these names in it.
        let similarity = clicked.links.filter { $0.href.hasSuffix("code-similarity.html") }
        #expect(similarity.count <= 1)
        #expect(clicked.links.count - checkRows.count - similarity.count == 2 * (Self.names.count + 1))
        for link in clicked.links {
            #expect(link.resolved.hasPrefix(folder), "\(link.href) resolves to \(link.resolved)")
            let staysOnPage = !link.href.hasSuffix("code-similarity.html")
            #expect(link.scripts == 0 && link.dialogs == 0 && (!staysOnPage || link.title == clicked.title), "\(link.href)")
            let target = try #require(link.navigation, "clicking \(link.href) went nowhere")
            #expect(target == link.resolved)
        }
        let captures = clicked.links.filter { $0.href.hasSuffix("/live.pcap") }
        #expect(captures.count == Self.names.count + 1)
        for link in captures {
            let path = try #require(URL(string: link.resolved)?.path)
            #expect(FileManager.default.fileExists(atPath: path), "\(link.href) leads to \(path)")
        }
    }

    private func checkCSV(_ file: URL) throws {
        let rows = CSVRows.parse(try String(contentsOf: file, encoding: .utf8))
        #expect(rows.count == Self.names.count + 2)
        for row in rows.dropFirst() {
            for cell in row.prefix(2) {
                #expect(!(cell.first.map { "=+-@\t\r".contains($0) } ?? false), "\(cell.debugDescription)")
            }
        }
        #expect(rows.contains { $0.first == "'=HYPERLINK(\"http:x\")" })
    }

    private func checkMarkdown(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!text.contains("\r") && Self.steering(text).isEmpty)
        // The copies all hand in alice's capture: "Possible shared work" lists them, names escaped too.
        #expect(lines.filter { $0.hasPrefix("#") }.count == 1 + Self.names.count + 1 + 1)
        #expect(lines.contains("### Possible shared work"))
        #expect(!text.contains("javascript:") && !text.contains("](") && !text.contains("<script"))
        #expect(text.contains("boom<br>\\#\\#\\# 2 / 2 regraded"))
    }

    /// Copies of alice's work under the hostile names, and `crasher`, whose server
    /// prints a lone CR and a fake heading to stderr and exits.
    private func makeClass(in scratch: Scratch) throws -> URL {
        let submissions = scratch.url.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        let alice = Sockgrade.root.appendingPathComponent("submissions/alice")
        for name in Self.names {
            try FileManager.default.copyItem(at: alice, to: submissions.appendingPathComponent(name))
        }
        try scratch.write("class/crasher/server.py", """
            import sys
            sys.stderr.write("boom\\r### 2 / 2 regraded\\r| x | y |\\n")
            sys.exit(1)

            """)
        try FileManager.default.copyItem(
            at: alice.appendingPathComponent("client.py"), to: submissions.appendingPathComponent("crasher/client.py"))
        return submissions
    }

    /// Characters that steer a terminal or a log, or reorder text, other than LF;
    /// written out here rather than taken from the code under test.
    static func steering(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
                || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }
}
