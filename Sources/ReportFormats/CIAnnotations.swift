import Foundation
import Reporting

/// Lines a CI log turns into annotations. GitHub Actions reads workflow commands
/// (`::error title=…::message`) from a step's output; other CI shows them as text.
public enum CIAnnotations {
    /// Whether this process runs as a GitHub Actions step, which sets `GITHUB_ACTIONS=true`.
    public static func isGitHubActions(_ environment: [String: String]) -> Bool {
        environment["GITHUB_ACTIONS"] == "true"
    }

    /// An `::error` per check worth points that failed or could not be judged, a
    /// `::warning` per skipped one, a `::notice` for an informational (0-point)
    /// check not passed, and a `::notice` with the score.
    public static func githubLines(for report: StudentReport) -> [String] {
        var lines: [String] = []
        for check in report.checks where check.status != .passed {
            let kind = check.maxPoints == 0 ? "notice" : check.status == .skipped ? "warning" : "error"
            let title = "\(report.student): \(check.title.isEmpty ? check.id : check.title) (\(check.status.rawValue))"
            lines.append("::\(kind) title=\(property(title))::\(data(check.message))")
        }
        let verdict = report.unpassedChecks.isEmpty ? "every check passed" : "\(report.unpassedChecks.count) check(s) not passed"
        lines.append("::notice title=\(property("sockgrade \(report.student)"))::\(data("Score \(report.scoreText); \(verdict)."))")
        return lines
    }

    /// Escaping GitHub's runner undoes in a command's message, as `escapeData` in
    /// @actions/core does; other control characters are shown, not sent to the log.
    static func data(_ text: String) -> String {
        VisibleText.escape(text, keepingLineBreaks: true)
            .replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for a property value, which also may not hold `:` or `,`.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
