import Foundation
import Reporting
import Testing
@testable import ReportFormats

/// Issue 17: each status means one thing (see `CheckStatus`), and every view of one
/// class follows the same rule: `info` (0 points) never looks like a lost mark,
/// `error` stays apart from `failed`.
@Suite("One status rule in every view")
struct StatusRuleTests {
    static let infoCheck = CheckResult(
        id: "attribution", title: "Credits the tutorial", status: .info, points: 0, maxPoints: 0,
        message: "No tutorial is credited.", evidence: ["verdict": "failed"])

    /// alice has one check in each status; bob passed every marked check.
    static let reports = [
        Fixtures.report(student: "alice", checks: [
            Fixtures.check("server-listening", .passed), Fixtures.check("username-sent", .failed),
            Fixtures.check("capture-file", .error), Fixtures.check("capture-username", .skipped), infoCheck,
        ]),
        Fixtures.report(student: "bob", checks: [Fixtures.check("server-listening", .passed), infoCheck]),
    ]

    @Test("the schema lists every status and says what each means")
    func schema() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/report.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let status = try #require((schema["$defs"] as? [String: Any])?["status"] as? [String: Any])
        #expect(Set(status["enum"] as? [String] ?? []) == Set(CheckStatus.allCases.map(\.rawValue)))
        let meaning = try #require(status["description"] as? String)
        for word in CheckStatus.allCases.map(\.rawValue) { #expect(meaning.contains("\(word):"), "\(word)") }
        #expect(Self.infoCheck.verdict == .failed)
    }

    @Test("Gradescope: info has no verdict, error and skipped fail")
    func gradescope() throws {
        let data = try GradescopeResults(report: Self.reports[0]).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.map { $0["status"] as? String } == ["passed", "failed", "failed", "failed", nil])
        #expect(tests[4]["max_score"] as? Double == 0)
        #expect((object["output"] as? String)?.contains("attribution") == false)
    }

    @Test("JUnit: one failure, one error, one skipped; info is a plain test case")
    func junit() {
        let xml = JUnitReport.render([Self.reports[0]])
        #expect(xml.contains("<testsuites name=\"sockgrade\" tests=\"5\" failures=\"1\" errors=\"1\" skipped=\"1\""))
        let info = xml.components(separatedBy: "name=\"attribution: Credits the tutorial\"")[1]
            .components(separatedBy: "</testcase>")[0]
        #expect(info.contains("<system-out>not marked (info)"))
        #expect(!info.contains("<failure") && !info.contains("<error"))
    }

    @Test("Markdown: info is marked as not marked and is not among the checks not passed")
    func markdown() {
        let markdown = MarkdownSummary.render(Self.reports)
        #expect(markdown.contains("| bob | bob01 | 0.4 / 0.8 | none |"))
        #expect(markdown.contains("`username-sent` (failed), `capture-file` (error), `capture-username` (skipped) |"))
        #expect(markdown.contains("| ℹ️ info (not marked) | Credits the tutorial (`attribution`) | 0 / 0 |"))
        #expect(!markdown.contains("`attribution` ("))
    }

    @Test("HTML: info has its own neutral cell and never filters a student as failing")
    func html() {
        let page = HTMLReport(reports: Self.reports, checkIDs: Self.reports[0].checks.map(\.id), evidenceBase: "", liveCaptures: []).render()
        #expect(page.contains("td.info {"))
        #expect(page.contains("<td class=\"info mark\" data-value=\"info\"><a href=\"#student-1-attribution\" title=\"attribution: info\">i</a></td>"))
        #expect(page.contains("<td class=\"error mark\" data-value=\"error\">"))
        #expect(page.contains("<a class=\"error\" href=\"#student-1-capture-file\">capture-file (error)</a>"))
        #expect(page.contains("<tr id=\"student-1-attribution\"><td class=\"info\">info</td>"))
        #expect(!page.contains(">attribution (info)</a>"))
        #expect(page.contains("data-failing=\"username-sent capture-file capture-username\""))
        #expect(page.contains("data-failing=\"\" data-section=\"student-2\""))
    }

    @Test("terminal: info is dim and left out of the not-passed list; error is its own word")
    func terminal() {
        let plain = ClassTable.render(Self.reports, style: TerminalStyle(usesColor: false))
        #expect(plain.contains("username-sent (failed), capture-file (error), capture-username (skipped)"))
        #expect(!plain.contains("attribution"))
        let coloured = ReportText.render(Self.reports[1], style: TerminalStyle(usesColor: true))
        #expect(coloured.contains("\u{1B}[2minfo\u{1B}[0m     Credits the tutorial [attribution]  0/0"))
        #expect(!coloured.contains("\u{1B}[31m"))
    }
}
