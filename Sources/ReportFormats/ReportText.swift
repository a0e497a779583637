import Foundation
import Reporting

/// One report as a person reads it in a terminal (`sockgrade show`): the score, each
/// check with its message and evidence, the socket tables, what each program printed,
/// and the grader's notes. With a `width` (the terminal's columns) titles, messages
/// and notes are broken at spaces to fit it, so the terminal never wraps them mid-word;
/// socket rows, hex dumps and program output keep their columns.
public enum ReportText {
    /// Lines of program output shown per stream; the evidence files hold the rest.
    static let outputLines = 20

    public static func render(_ report: StudentReport, style: TerminalStyle, width: Int? = nil) -> String {
        var lines = [
            style.paint(visible(report.student), .bold) + " (username '\(visible(report.username))')  \(style.score(report))",
            style.paint("\(visible(report.rubric)), graded \(visible(report.gradedAt)) in \(ReportNumber.text(report.durationMilliseconds)) ms", .dim),
            "",
        ]
        for check in report.checks {
            let points = "\(ReportNumber.text(check.points))/\(ReportNumber.text(check.maxPoints))"
            let status = style.status(check.status).padding(style: style, plain: check.status.rawValue, to: 7) + "  "
            let heading = FittedText.wrap("\(visible(check.title)) [\(visible(check.id))]  \(points)", width: width.map { $0 - 9 }, indent: "")
            lines += heading.enumerated().map { ($0.offset == 0 ? status : String(repeating: " ", count: 9)) + $0.element }
            lines += textLines(check.message).flatMap { FittedText.wrap(visible($0), width: width, indent: "    ") }
            lines += indented(EvidenceText.socketRows(check))
            lines += indented(EvidenceText.hexDump(check))
        }
        if let sockets = report.sockets {
            lines += ["", style.paint("Sockets when the server listened", .bold)]
            lines += indented([EvidenceText.netstatHeader] + sockets.atListen)
            lines += ["", style.paint("Sockets when the client connected", .bold)]
            lines += indented([EvidenceText.netstatHeader] + sockets.atEstablished)
        }
        for program in report.programs {
            lines += ["", style.paint(visible("\(program.role): \(program.command.joined(separator: " "))"), .bold)]
            lines.append("    \(outcome(program))")
            lines += stream("stdout", program.stdout, truncated: program.stdoutTruncated)
            lines += stream("stderr", program.stderr, truncated: program.stderrTruncated)
        }
        if !report.notes.isEmpty {
            lines += ["", style.paint("Notes", .bold)] + report.notes.flatMap { FittedText.wrap(visible($0), width: width, indent: "    ") }
        }
        return lines.joined(separator: "\n")
    }

    static func outcome(_ program: ProgramRun) -> String {
        let ending: String
        if program.timedOut {
            ending = "stopped after the time limit"
        } else if program.stoppedByGrader {
            ending = "stopped by the grader when the run was over"
        } else if let signal = program.signal {
            ending = "ended by signal \(signal)"
        } else if let status = program.exitStatus {
            ending = "exit status \(status)"
        } else {
            ending = "still running when stopped"
        }
        return "\(ending), \(ReportNumber.text(program.durationMilliseconds)) ms"
    }

    private static func stream(_ name: String, _ text: String, truncated: Bool) -> [String] {
        guard !text.isEmpty else { return [] }
        // The final newline ends the last line; it does not start another.
        let ended = text.last == "\n" || text.last == "\r\n" ? String(text.dropLast()) : text
        let all = textLines(ended)
        var shown = Array(all.prefix(outputLines))
        if all.count > outputLines || truncated {
            shown.append("… (more in the evidence folder)")
        }
        return ["    \(name):"] + shown.map { "      " + visible($0) }
    }

    /// Every line shown is escaped here or through `visible`, since students control most of them.
    private static func indented(_ lines: [String]) -> [String] {
        lines.map { "    " + visible($0) }
    }

    /// Lines split at LF and CRLF (one Character in Swift); a lone CR stays in its line, escaped.
    private static func textLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
    }

    private static func visible(_ text: String) -> String {
        VisibleText.escape(text)
    }
}

private extension String {
    /// Pads a coloured word by the width of its plain text.
    func padding(style: TerminalStyle, plain: String, to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - plain.count))
    }
}
