import Foundation
import Reporting

/// Feedback a student reads, to go back through the LMS: the score, what passed,
/// what did not and why (the grader's message with the socket rows and bytes it
/// saw), and the unmarked checks. No grader internals: no notes, no program runs,
/// no fingerprints, no evidence JSON. Student text is escaped for each format.
public enum StudentFeedback {
    /// The parts both formats show, in order.
    struct Parts {
        var passed: [CheckResult]
        var notPassed: [CheckResult]
        var unmarked: [CheckResult]

        init(_ report: StudentReport) {
            passed = report.checks.filter { $0.status == .passed }
            notPassed = report.checks.filter { $0.status != .passed && $0.status != .info }
            unmarked = report.checks.filter { $0.status == .info }
        }
    }

    /// Why a check did not pass, in words for a student.
    static func reason(_ status: CheckStatus) -> String {
        switch status {
        case .failed: "did not pass"
        case .error: "could not be checked by the grader; your instructor will look at it"
        case .skipped: "was not checked, because a step before it did not pass"
        case .passed: "passed"
        case .info: "not marked"
        }
    }

    /// For an unmarked check: whether it was in order.
    static func unmarkedVerdict(_ check: CheckResult) -> String {
        check.verdict == .passed ? "in order" : "worth a look"
    }

    public static func markdown(_ report: StudentReport) -> String {
        let parts = Parts(report)
        var lines = ["# \(MarkdownSummary.cell(report.rubric)): \(report.scoreText)", "",
                     "Feedback for \(MarkdownSummary.cell(report.student)) (username \(MarkdownSummary.cell(report.username))).", ""]
        lines += ["## What passed", ""]
        lines += parts.passed.isEmpty ? ["Nothing passed yet."]
            : parts.passed.map { "- \(MarkdownSummary.cell($0.title)) (\(points($0)))" }
        lines += ["", "## What did not pass, and why", ""]
        if parts.notPassed.isEmpty { lines.append("Everything marked passed.") }
        for check in parts.notPassed {
            lines += ["### \(MarkdownSummary.cell(check.title)) (\(points(check)))", "",
                      "This check \(reason(check.status)).", ""] + block(check.message)
            lines += seen(check).map { ["", "What the grader saw:", ""] + block($0.joined(separator: "\n")) } ?? []
            lines.append("")
        }
        if !parts.unmarked.isEmpty {
            lines += ["", "## Not marked (for your information)", ""]
            for check in parts.unmarked {
                lines += ["- \(MarkdownSummary.cell(check.title)): \(unmarkedVerdict(check)).", ""] + block(check.message, indent: 8) + [""]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func html(_ report: StudentReport) -> String {
        let parts = Parts(report)
        func escape(_ text: String) -> String { MarkupEscaping.escape(text) }
        var html = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            "<title>\(escape(report.rubric)): \(escape(report.scoreText))</title>",
            "<style>body { font: 15px/1.45 system-ui, sans-serif; max-width: 50rem; margin: 1.5rem auto; padding: 0 1rem; } pre { background: #f6f6f8; padding: .5rem; overflow-x: auto; } .message { white-space: pre-wrap; }</style>",
            "</head>", "<body>",
            "<h1>\(escape(report.rubric)): \(escape(report.scoreText))</h1>",
            "<p>Feedback for \(escape(report.student)) (username \(escape(report.username))).</p>",
            "<h2>What passed</h2>",
        ]
        html.append(parts.passed.isEmpty ? "<p>Nothing passed yet.</p>"
            : "<ul>" + parts.passed.map { "<li>\(escape($0.title)) (\(points($0)))</li>" }.joined() + "</ul>")
        html.append("<h2>What did not pass, and why</h2>")
        if parts.notPassed.isEmpty { html.append("<p>Everything marked passed.</p>") }
        for check in parts.notPassed {
            html.append("<h3>\(escape(check.title)) (\(points(check)))</h3>")
            html.append("<p>This check \(escape(reason(check.status))).</p>")
            html.append("<p class=\"message\">\(escape(check.message))</p>")
            if let rows = seen(check) {
                html.append("<p>What the grader saw:</p><pre>\(escape(rows.joined(separator: "\n")))</pre>")
            }
        }
        if !parts.unmarked.isEmpty {
            html.append("<h2>Not marked (for your information)</h2><ul>")
            html += parts.unmarked.map { "<li>\(escape($0.title)): \(unmarkedVerdict($0)). \(escape($0.message))</li>" }
            html.append("</ul>")
        }
        html += ["</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    private static func points(_ check: CheckResult) -> String {
        "\(ReportNumber.text(check.points)) / \(ReportNumber.text(check.maxPoints)) points"
    }

    /// The socket rows and bytes behind a check, escaped for display; nil when none.
    private static func seen(_ check: CheckResult) -> [String]? {
        let rows = (EvidenceText.socketRows(check) + EvidenceText.hexDump(check)).map { VisibleText.escape($0) }
        return rows.isEmpty ? nil : rows
    }

    /// Text as an indented code block: read as it is in a plain-text viewer, and
    /// nothing in it (markup, links, HTML) is interpreted by a Markdown renderer.
    /// Control characters are shown escaped; blank lines keep the indent so the
    /// block does not end early.
    private static func block(_ text: String, indent: Int = 4) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { pad + VisibleText.escape(String($0)) }
    }
}
