import Foundation

/// Renders `summary.csv` for a spreadsheet: one row per student, one column per check.
///
/// Fields are quoted as RFC 4180 says (only when they hold a comma, quote, CR or LF,
/// with quotes doubled). Rows end in LF, which spreadsheets and Unix tools both read.
enum SummaryCSV {
    /// Separates ids inside the `failed_checks` cell; ids never contain it.
    static let idSeparator = ";"

    static func render(_ reports: [StudentReport], rubricCheckIDs: [String]) -> String {
        let header = ["student", "username", "score", "max_score"] + rubricCheckIDs + ["failed_checks"]
        var lines = [row(header)]
        for report in ClassSummary.sorted(reports) {
            lines.append(row(fields(for: report, rubricCheckIDs: rubricCheckIDs)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Points per check (empty when the report lacks it) and the ids that earned nothing.
    private static func fields(for report: StudentReport, rubricCheckIDs: [String]) -> [String] {
        let byID = Dictionary(report.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let points = rubricCheckIDs.map { id in byID[id].map { ReportNumber.text($0.points) } ?? "" }
        let unpassed = rubricCheckIDs.filter { id in byID[id].map { $0.status != .passed } ?? false }
        return [report.student, report.username, ReportNumber.text(report.score), ReportNumber.text(report.maxScore)]
            + points + [unpassed.joined(separator: idSeparator)]
    }

    private static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
