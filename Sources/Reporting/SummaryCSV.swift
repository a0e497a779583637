import Foundation

/// Renders `summary.csv` for a spreadsheet or a grade book: one row per student.
///
/// Fields are quoted as RFC 4180 says (only when they hold a comma, quote, CR or LF,
/// with quotes doubled). Rows end in LF, which spreadsheets and Unix tools both read.
/// Cells a student controls (the folder name, a username) are also defused against
/// formula injection, as OWASP's "CSV Injection" page advises.
enum SummaryCSV {
    /// Separates ids inside the `failed_checks` cell; ids never contain it.
    static let idSeparator = ";"

    static func render(
        _ reports: [StudentReport], rubricCheckIDs: [String], columns: GradebookColumns = .standard
    ) -> String {
        var header = [columns.student, columns.username].compactMap { $0 } + [columns.score]
        if columns.details {
            header += ["max_score"] + rubricCheckIDs + ["failed_checks"]
        }
        var lines = [row(header)]
        for report in ClassSummary.sorted(reports) {
            lines.append(row(fields(for: report, rubricCheckIDs: rubricCheckIDs, columns: columns)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Identity and score, then (with details) points per check, empty when the report
    /// lacks it, and the ids that earned nothing.
    private static func fields(
        for report: StudentReport, rubricCheckIDs: [String], columns: GradebookColumns
    ) -> [String] {
        var fields: [String] = []
        if columns.student != nil { fields.append(textCell(report.student)) }
        if columns.username != nil { fields.append(textCell(report.username)) }
        fields.append(ReportNumber.text(report.score))
        guard columns.details else { return fields }
        let byID = Dictionary(report.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let points = rubricCheckIDs.map { id in byID[id].map { ReportNumber.text($0.points) } ?? "" }
        let unpassed = rubricCheckIDs.filter { id in byID[id].map { $0.status != .passed && $0.status != .info } ?? false }
        return fields + [ReportNumber.text(report.maxScore)] + points + [unpassed.joined(separator: idSeparator)]
    }

    /// `text` with a `'` in front when it starts with `=`, `+`, `-`, `@`, a tab or a CR,
    /// which a spreadsheet would otherwise read as a formula (`=HYPERLINK(…)`). Only
    /// text cells go through here: a score such as `-1` stays a number.
    static func textCell(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
