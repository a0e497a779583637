import Foundation
import Reporting

/// Colour for terminal output, or none: off when stdout is not a terminal, when
/// `NO_COLOR` is set to anything (no-color.org), and when `TERM=dumb`.
public struct TerminalStyle: Sendable, Equatable {
    public enum Color: String, Sendable {
        case red = "31", green = "32", yellow = "33", dim = "2", bold = "1"
    }

    public var usesColor: Bool

    public init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    public static func detect(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(usesColor: isTerminal && !noColor && environment["TERM"] != "dumb")
    }

    public func paint(_ text: String, _ color: Color) -> String {
        usesColor ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// A check's status word in its colour.
    public func status(_ status: CheckStatus) -> String {
        switch status {
        case .passed: paint("passed", .green)
        case .failed: paint("failed", .red)
        case .error: paint("error", .red)
        case .skipped: paint("skipped", .yellow)
        case .info: paint("info", .dim)
        }
    }

    /// A score, green at full marks and red below.
    public func score(_ report: StudentReport) -> String {
        paint(report.scoreText, report.unpassedChecks.isEmpty ? .green : .red)
    }
}
