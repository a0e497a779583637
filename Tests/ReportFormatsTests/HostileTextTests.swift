import Foundation
import FoundationXML
import Reporting
import Testing
@testable import ReportFormats

@Suite("What students control is escaped in every view")
struct HostileTextTests {
    @Test("VisibleText: known answers", arguments: [
        ("plain text, tabs\tstay", "plain text, tabs\tstay"),
        ("a\u{1B}[2Jb", "a\\u{1B}[2Jb"),
        ("title\u{1B}]0;x\u{7}", "title\\u{1B}]0;x\\u{7}"),
        ("csi\u{9B}31m", "csi\\u{9B}31m"),
        ("nul\u{0}del\u{7F}", "nul\\u{0}del\\u{7F}"),
        ("line\nbreak\r\nend\r", "line\\nbreak\\r\\nend\\r"),
        ("rtl\u{202E}gpj.exe", "rtl\\u{202E}gpj.exe"),
        ("\u{2066}\u{2069}\u{200E}\u{200F}\u{061C}\u{2028}", "\\u{2066}\\u{2069}\\u{200E}\\u{200F}\\u{61C}\\u{2028}"),
        ("é ü 名前 ✅", "é ü 名前 ✅"),
    ])
    func visibleText(input: String, expected: String) {
        #expect(VisibleText.escape(input) == expected)
    }

    @Test("VisibleText keeps LF and CRLF as line breaks when asked, never a lone CR")
    func visibleLineBreaks() {
        #expect(VisibleText.escape("a\nb\r\nc\rd\u{1B}", keepingLineBreaks: true) == "a\nb\nc\\rd\\u{1B}")
    }

    /// The check on UTF-8 bytes that lets most text through untouched must
    /// name exactly the scalars `needsEscape` names, inside other text too.
    /// Every scalar of one and two UTF-8 bytes and of the three-byte block
    /// the escaped ones share a lead byte with (U+2000–U+2FFF), then every
    /// 101st above: the whole range took minutes in a debug build.
    @Test("VisibleText's byte check agrees with needsEscape")
    func byteCheckAgreesWithScalars() {
        var disagreeing: [UInt32] = []
        for value in Array(UInt32(0)...0x2FFF) + Array(stride(from: UInt32(0x3000), through: 0x10FFFF, by: 101)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a→" + String(Character(scalar)) + "é"
            for keepingLineBreaks in [false, true] {
                let expected = VisibleText.needsEscape(scalar) && !(keepingLineBreaks && scalar == "\n")
                if VisibleText.containsEscaped(text, keepingLineBreaks: keepingLineBreaks) != expected { disagreeing.append(value) }
            }
        }
        #expect(disagreeing.isEmpty)
    }

    @Test("terminal and log output of a hostile class holds no control or bidi character and no forged line")
    func terminalOutput() {
        let reports = HostileClass.reports
        let style = TerminalStyle(usesColor: false)
        var progress = GradeProgress(students: HostileClass.names)
        progress.start(HostileClass.names[2])
        var printed = [progress.line(width: 200, style: style)]
        for report in reports {
            progress.record(report)
            printed.append(progress.plainLine(for: report, style: style))
            printed.append(ReportText.render(report, style: style))
        }
        printed.append(ClassTable.render(reports, style: style))
        for text in printed {
            #expect(HostileClass.steering(text).isEmpty, "\(text.debugDescription)")
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("::") || $0.hasPrefix("### ") })
        }
        #expect(printed[0].contains("grading evil\\n::error::forged"))
        #expect(ClassTable.render(reports, style: style).contains("clear\\u{1B}[2J\\u{1B}]0;owned\\u{7}  0 / 0.8"))
        // The lone CR of the program's output is shown, not obeyed.
        #expect(printed[2].contains("      boom\\r### 2 / 2 regraded\\r| x | y |"))
    }

    @Test("GitHub annotations escape as @actions/core does and carry no raw control character")
    func annotations() {
        for report in HostileClass.reports {
            let lines = CIAnnotations.githubLines(for: report)
            for line in lines {
                #expect(HostileClass.steering(line, lines: false).isEmpty, "\(line.debugDescription)")
                #expect(line.hasPrefix("::error title=") || line.hasPrefix("::notice title="))
            }
        }
        let forged = CIAnnotations.githubLines(for: HostileClass.reports[2])
        #expect(forged[0] == "::error title=evil%0A%3A%3Aerror%3A%3Aforged%3A Title of server-listening (failed)::The server exited without listening. Its last output:%0Aboom\\r### 2 / 2 regraded\\r| x | y |")
        #expect(CIAnnotations.data("100% a\r\nb") == "100%25 a%0Ab")
        #expect(CIAnnotations.property("a:b,c%") == "a%3Ab%2Cc%25")
    }

    @Test("Markdown: a lone CR is a <br>, markup and links are defused, one table row per student")
    func markdown() {
        let markdown = MarkdownSummary.render(HostileClass.reports)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        // The class heading, then one per student: no heading came from a student.
        #expect(lines.filter { $0.hasPrefix("#") }.count == 1 + HostileClass.names.count)
        #expect(lines.filter { $0.hasPrefix("### ") && $0.contains("regraded") }.isEmpty)
        #expect(!markdown.contains("\r"))
        #expect(HostileClass.steering(markdown).isEmpty)
        #expect(!markdown.contains("<script") && !markdown.contains("]("))
        #expect(!markdown.contains("javascript:") && !markdown.contains("http://") && !markdown.contains("www.e")
                && !markdown.contains("@octocat"))
        // Every table row has exactly its columns: no cell's | split it.
        for line in lines where line.hasPrefix("| ") {
            let unescaped = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(unescaped == 5, "\(line)")
        }
        #expect(markdown.contains("boom<br>\\#\\#\\# 2 / 2 regraded<br>\\| x \\| y \\|"))
        #expect(MarkdownSummary.cell("](javascript:alert(1))") == "\\]\\(javascript&#58;alert\\(1\\)\\)")
        #expect(MarkdownSummary.cell("see http://x.org or WWW.x.org, @me") == "see http&#58;//x.org or WWW&#46;x.org, &#64;me")
    }

    @Test("JUnit XML of a hostile class parses, and names and output read back escaped")
    func junit() throws {
        let xml = JUnitReport.render(HostileClass.reports)
        let document = try XMLDocument(data: Data(xml.utf8))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.count == HostileClass.names.count)
        let names = suites.compactMap { $0.attribute(forName: "name")?.stringValue }
        #expect(names.contains("<script>alert(1)</script> (<script>alert(1)</script>01)"))
        #expect(names.contains("clear\\u{1B}[2J\\u{1B}]0;owned\\u{7} (clear\\u{1B}[2J\\u{1B}]0;owned\\u{7}01)"))
        #expect(names.contains("rtl\\u{202E}gpj.exe (rtl\\u{202E}gpj.exe01)"))
        #expect(try document.nodes(forXPath: "//script").isEmpty)
        #expect(HostileClass.steering(xml.replacingOccurrences(of: "\r", with: "")).isEmpty)
    }

    @Test("Gradescope: every output is declared plain text and holds no control character")
    func gradescope() throws {
        let data = try GradescopeResults(report: HostileClass.reports[3]).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["output_format"] as? String == "text")
        #expect(object["test_output_format"] as? String == "text")
        #expect(object["test_name_format"] as? String == "text")
        let tests = try #require(object["tests"] as? [[String: Any]])
        let texts = [object["output"] as? String] + tests.flatMap { [$0["output"] as? String, $0["name"] as? String] }
        #expect(texts.count == 1 + 2 * tests.count)
        for text in texts {
            #expect(HostileClass.steering(try #require(text)).isEmpty)
        }
        #expect((tests[0]["output"] as? String)?.contains("boom\\r### 2 / 2 regraded") == true)
    }

    @Test("the page links to each capture by a relative path of encoded segments, never a script")
    func pageLinks() {
        let reports = HostileClass.reports
        let page = HTMLReport(reports: reports, checkIDs: ["server-listening"], evidenceBase: "",
                              liveCaptures: Set(HostileClass.names)).render()
        #expect(page.contains("<a href=\"./javascript%3Adocument.title%3D%27XSS%27%3B0/live.pcap\">"))
        #expect(page.contains("<a href=\"./%5D%28javascript%3Aalert%281%29%29/live.pcap\">"))
        #expect(page.contains("<a href=\"./evil%0A%3A%3Aerror%3A%3Aforged/live.pcap\">"))
        #expect(!page.contains("href=\"javascript") && !page.contains("<script>alert"))
        #expect(page.contains("rtl\\u{202E}gpj.exe") && !page.contains("\u{202E}"))
        let hrefs = page.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        // Each student's name and capture, plus links to check rows within the page.
        let checkRows = hrefs.filter { $0.range(of: "^#student-[0-9]+-", options: .regularExpression) != nil }
        #expect(hrefs.count - checkRows.count == 2 * reports.count)
        #expect(checkRows.count == reports.count + reports.map(\.unpassedChecks.count).reduce(0, +))
        #expect(hrefs.allSatisfy { $0.hasPrefix("./") || $0.hasPrefix("#student-") })
        let nested = HTMLReport(reports: [reports[0]], checkIDs: [], evidenceBase: "../a%3Ab/",
                                liveCaptures: [reports[0].student]).render()
        #expect(nested.contains("href=\"./../a%3Ab/javascript%3Adocument.title%3D%27XSS%27%3B0/live.pcap\""))
        #expect(RelativePath.link(from: URL(fileURLWithPath: "/srv"), to: URL(fileURLWithPath: "/srv/x:y/é")) == "x%3Ay/%C3%A9/")
    }
}
