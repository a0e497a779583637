import Reporting

/// The lines a person sees while a class is graded: one per student as it
/// finishes, then the totals.
struct SummaryTable {
    func line(for report: StudentReport, file: String) -> String {
        let failed = report.checks.filter { $0.status != .passed }.map { "\($0.id) (\($0.status.rawValue))" }
        let score = "\(format(report.score))/\(format(report.maxScore))"
        let detail = failed.isEmpty ? "all checks passed" : failed.joined(separator: ", ")
        return "\(report.student.padded(to: 16)) \(score.padded(to: 9)) \(detail)"
    }

    func footer(_ reports: [StudentReport], folder: String) -> String {
        let full = reports.filter { $0.score >= $0.maxScore }.count
        return "Graded \(reports.count) student(s), \(full) with full marks. Reports in \(folder)/ (summary.csv, summary.json)."
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension String {
    func padded(to length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
