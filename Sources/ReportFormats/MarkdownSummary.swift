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
        lines += sharedWorkSection(reports)
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
        case .info: "ℹ️ info (not marked)"
        }
    }

    /// Text safe in one table cell of GitHub-flavoured Markdown, which renders inline
    /// HTML, autolinks and math: every line break (LF, CRLF and a lone CR, which GitHub
    /// also ends a line at) becomes `<br>` so the text cannot leave its row or start a
    /// heading; HTML special characters become entities; Markdown punctuation is
    /// backslash-escaped; `:`, `@` and the dot of `www.` become character references so
    /// no URL, address or @-mention turns into a link; control and bidi characters are
    /// shown as `VisibleText` escapes (through `MarkupEscaping`).
    static func cell(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var punctuated = ""
        for scalar in lines.unicodeScalars {
            if markdownPunctuation.contains(scalar) { punctuated += "\\" }
            punctuated.unicodeScalars.append(scalar)
        }
        return MarkupEscaping.escape(punctuated, quotes: false)
            .replacingOccurrences(of: ":", with: "&#58;")
            .replacingOccurrences(of: "@", with: "&#64;")
            .replacingOccurrences(of: "(?i)(www)\\.", with: "$1&#46;", options: .regularExpression)
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    /// ASCII punctuation GitHub reads as emphasis, code, links, headings, tables,
    /// strike-through or math; a backslash makes each read as itself.
    private static let markdownPunctuation: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "[", "]", "(", ")", "#", "!", "~", "|", "$",
    ]
}
