import Foundation
import Reporting

/// A Markdown summary for a CI job page (GitHub's `$GITHUB_STEP_SUMMARY`): the class
/// table first, then each student's checks with their messages.
public enum MarkdownSummary {
    public static func render(_ reports: [StudentReport]) -> String {
        let rubric = Set(reports.map(\.rubric)).sorted().joined(separator: ", ")
        var lines = ["## sockgrade: \(cell(rubric))", ""]
        lines += ["| Student | Username | Score | Not passed |", "|---|---|---:|---|"]
        for report in reports {
            let unpassed = report.unpassedChecks.map { "`\($0.id)` (\($0.status.rawValue))" }
            lines.append("| \(cell(report.student)) | \(cell(report.username)) | \(report.scoreText) | \(unpassed.isEmpty ? "none" : unpassed.joined(separator: ", ")) |")
        }
        for report in reports {
            lines += ["", "### \(cell(report.student)): \(report.scoreText)", ""]
            lines += ["| | Check | Points | What the grader saw |", "|---|---|---:|---|"]
            for check in report.checks {
                let points = "\(ReportNumber.text(check.points)) / \(ReportNumber.text(check.maxPoints))"
                lines.append("| \(symbol(check.status)) | \(cell(check.title)) (`\(check.id)`) | \(points) | \(cell(check.message)) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The status as an emoji a job page shows in colour, with the word for screen readers.
    static func symbol(_ status: CheckStatus) -> String {
        switch status {
        case .passed: "✅ passed"
        case .failed: "❌ failed"
        case .error: "⚠️ error"
        case .skipped: "⏭️ skipped"
        }
    }

    /// Text safe in one table cell: pipes escaped, line breaks as `<br>`, and HTML
    /// special characters escaped since GitHub renders inline HTML.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}
