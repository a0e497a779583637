import Foundation
import Reporting

/// The table printed at the end of a batch: student, score and the checks not passed.
public enum ClassTable {
    public static func render(_ reports: [StudentReport], style: TerminalStyle) -> String {
        let studentWidth = max(7, reports.map(\.student.count).max() ?? 0)
        let scoreWidth = max(5, reports.map(\.scoreText.count).max() ?? 0)
        var lines = [
            style.paint("\(pad("student", studentWidth))  \(pad("score", scoreWidth))  not passed", .bold)
        ]
        for report in reports {
            let unpassed = report.unpassedChecks.map { "\($0.id) (\(style.status($0.status)))" }
            let detail = unpassed.isEmpty ? style.paint("all checks passed", .dim) : unpassed.joined(separator: ", ")
            // Padding is computed on the plain score; colour codes take no columns.
            let score = style.score(report) + String(repeating: " ", count: scoreWidth - report.scoreText.count)
            lines.append("\(pad(report.student, studentWidth))  \(score)  \(detail)")
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
