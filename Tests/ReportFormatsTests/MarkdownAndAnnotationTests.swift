import Foundation
import Reporting
import Testing
@testable import ReportFormats

@Suite("Markdown summary and CI annotations")
struct MarkdownAndAnnotationTests {
    @Test("the class table has a row per student and cells cannot break the table")
    func markdownTable() {
        let markdown = MarkdownSummary.render([Fixtures.report(), Fixtures.report(student: "pipe|name")])
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.contains("| alice | alice01 | 0.4 / 1.6 | `username-sent` (failed), `capture-file` (error), `capture-username` (skipped) |"))
        #expect(lines.contains { $0.hasPrefix("| pipe\\|name | pipe\\|name01 |") })
        // The two-line message stays in one row.
        #expect(lines.contains { $0.contains("\"Hello World\"<br>instead of the username.") })
    }

    @Test("GitHub annotations: an error per failed check, a warning per skipped, a notice with the score")
    func githubLines() {
        let lines = CIAnnotations.githubLines(for: Fixtures.report())
        #expect(lines == [
            "::error title=alice%3A Title of username-sent (failed)::The client sent \"Hello World\"%0Ainstead of the username.",
            "::error title=alice%3A Title of capture-file (error)::capture-file error",
            "::warning title=alice%3A Title of capture-username (skipped)::capture-username skipped",
            "::notice title=sockgrade alice::Score 0.4 / 1.6; 3 check(s) not passed.",
        ])
        #expect(CIAnnotations.isGitHubActions(["GITHUB_ACTIONS": "true"]))
        #expect(!CIAnnotations.isGitHubActions([:]))
    }
}
