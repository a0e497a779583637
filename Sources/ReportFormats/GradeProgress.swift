import Foundation
import Reporting

/// The running state of a batch as the terminal shows it: how many are done, who is
/// still waiting, and the tally so far.
///
/// It learns of students as they start and finish (the batch's callbacks), so the
/// line names the ones being graded now, several when they run in parallel.
public struct GradeProgress: Sendable {
    public private(set) var finished: [StudentReport] = []
    private let students: [String]
    private var pending: [String]
    private var running: [String] = []

    public init(students: [String]) {
        self.students = students
        self.pending = students
    }

    public mutating func start(_ student: String) {
        running.append(student)
    }

    public mutating func record(_ report: StudentReport) {
        finished.append(report)
        running.removeAll { $0 == report.student }
        if let index = pending.firstIndex(of: report.student) {
            pending.remove(at: index)
        }
    }

    /// The students being graded now (the first pending one before any has
    /// started), `nil` when all are done.
    public var current: String? {
        running.isEmpty ? pending.first : running.joined(separator: ", ")
    }

    /// `[████░░░░] 3/10  grading dave  ·  2 full marks, 1 below, mean 1.47` for one terminal line.
    public func line(width: Int = 80, style: TerminalStyle) -> String {
        let total = students.count
        let done = finished.count
        let barWidth = 20
        let filled = total == 0 ? barWidth : barWidth * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        let doing = current.map { "grading \(VisibleText.escape($0))" } ?? "writing the summary"
        let line = "[\(bar)] \(done)/\(total)  \(doing)  ·  \(tally)"
        // Cut on the plain text so the line never wraps, which would break the \r redraw.
        let plain = line.count > width ? String(line.prefix(max(width - 1, 1))) + "…" : line
        return style.paint(plain, .bold)
    }

    /// `2 full marks, 1 below, mean 1.47`.
    public var tally: String {
        let full = finished.filter { $0.unpassedChecks.isEmpty }.count
        guard !finished.isEmpty else { return "no student finished yet" }
        let mean = finished.reduce(0) { $0 + $1.score } / Double(finished.count)
        return "\(full) full marks, \(finished.count - full) below, mean \(ReportNumber.text(mean))"
    }

    /// One plain line per finished student, for logs and CI where redrawing is noise.
    /// With a `width` the list of checks not passed is shortened to fit it ("+3 more").
    public func plainLine(for report: StudentReport, style: TerminalStyle, width: Int? = nil) -> String {
        let unpassed = report.unpassedChecks.map { "\($0.id) (\(style.status($0.status)))" }
        let plainWidths = report.unpassedChecks.map { $0.id.count + $0.status.rawValue.count + 3 }
        let head = "[\(finished.count)/\(students.count)] \(VisibleText.escape(report.student)): "
        let room = width.map { max($0 - head.count - report.scoreText.count - 2, 0) }
        let detail = unpassed.isEmpty ? "all checks passed" : FittedText.list(unpassed, width: room, plainWidths: plainWidths)
        return "\(head)\(style.score(report))  \(detail)"
    }
}
