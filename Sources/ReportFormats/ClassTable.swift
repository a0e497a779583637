import Foundation
import Reporting

/// The table printed at the end of a batch: student, score and the checks not passed.
/// With a `width` (the terminal's columns) each row fits it: the list of checks not
/// passed ends in "+3 more" rather than letting the terminal wrap it mid-word.
public enum ClassTable {
    public static func render(_ reports: [StudentReport], style: TerminalStyle, width: Int? = nil) -> String {
        // Names are escaped before padding so a control character cannot move the columns.
        let names = reports.map { VisibleText.escape($0.student) }
        let studentWidth = max(7, names.map(\.count).max() ?? 0)
        let scoreWidth = max(5, reports.map(\.scoreText.count).max() ?? 0)
        var lines = [
            style.paint("\(pad("student", studentWidth))  \(pad("score", scoreWidth))  not passed", .bold)
        ]
        for (report, name) in zip(reports, names) {
            let unpassed = report.unpassedChecks.map { "\(VisibleText.escape($0.id)) (\(style.status($0.status)))" }
            // Colour codes take no columns, so the list is fitted by the plain words.
            let plainWidths = report.unpassedChecks.map { VisibleText.escape($0.id).count + $0.status.rawValue.count + 3 }
            let room = width.map { max($0 - studentWidth - scoreWidth - 4, 0) }
            let detail = unpassed.isEmpty
                ? style.paint("all checks passed", .dim) : FittedText.list(unpassed, width: room, plainWidths: plainWidths)
            // Padding is computed on the plain score; colour codes take no columns.
            let score = style.score(report) + String(repeating: " ", count: scoreWidth - report.scoreText.count)
            lines.append("\(pad(name, studentWidth))  \(score)  \(detail)")
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
