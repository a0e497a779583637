import Foundation
import ReportFormats
import Reporting
import Testing

/// "Possible shared work" as the page and the Markdown summary show it, when
/// the names, the files and the sentences come from students.
@Suite("Possible shared work in the views")
struct SharedWorkViewTests {
    /// Two hostile students whose capture-originality evidence names each other,
    /// and a code-similarity result naming copydetect's report.
    static var reports: [StudentReport] {
        let first = HostileClass.names[5], second = HostileClass.names[6]
        func classmates(_ other: String, _ sentence: String) -> JSONValue {
            ["classmates": .array([["student": .string(other), "shared": .array([.string(sentence)])]])]
        }
        let capture = "\(first)'s <img src=x onerror=alert(1)>.pcap and \(second)'s capture.pcap are the same file"
        let code = "\(first)'s a|b.py and \(second)'s [x](javascript:alert(1)).py share code beyond the tutorial"
        return [(first, second), (second, first)].map { student, other in
            var evidence = classmates(other, code)
            if case .object(var fields) = evidence { fields["report"] = "code-similarity.html"; evidence = .object(fields) }
            return Fixtures.report(student: student, checks: [
                Fixtures.check("capture-originality", .failed, evidence: classmates(other, capture)),
                Fixtures.check("code-similarity", .failed, evidence: evidence),
            ])
        }
    }

    @Test("the page lists the pair once, escaped, with both checks' evidence and the copydetect link")
    func page() {
        let page = HTMLReport(reports: Self.reports, checkIDs: ["capture-originality", "code-similarity"], evidenceBase: "", liveCaptures: []).render()
        let section = page.components(separatedBy: "<section id=\"shared-work\">").dropFirst().first?.components(separatedBy: "</section>").first ?? ""
        #expect(section.components(separatedBy: "<tr><td>").count == 2, "one pair: \(section)")
        #expect(section.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(section.contains("&lt;img src=x onerror=alert(1)&gt;.pcap"))
        #expect(!section.contains("<script>") && !section.contains("<img"))
        #expect(section.contains("share code beyond the tutorial"))
        #expect(section.contains("<a href=\"./code-similarity.html\">code-similarity.html</a>"))
    }

    @Test("the Markdown summary lists the pair in one table row, its cells defused")
    func markdown() {
        let summary = MarkdownSummary.render(Self.reports)
        let rows = summary.split(separator: "\n").filter { $0.contains("are the same file") }
        #expect(rows.count == 1, "\(summary)")
        let row = String(rows.first ?? "")
        #expect(!row.contains("<script>") && !row.contains("<img"))
        #expect(!row.contains("](javascript:"), "\(row)")
        #expect(row.components(separatedBy: " | ").count == 2, "a | in a file name would split the cell: \(row)")
        #expect(summary.contains("code-similarity.html"))
    }

    @Test("with no pair there is no section")
    func nothingShared() {
        let plain = [Fixtures.report(student: "alice")]
        #expect(!HTMLReport(reports: plain, checkIDs: [], evidenceBase: "", liveCaptures: []).render().contains("shared-work"))
        #expect(!MarkdownSummary.render(plain).contains("Possible shared work"))
    }
}
