import Reporting

/// The last line a person sees after a batch: the totals and where the files are.
package enum BatchFooter {
    /// `graded` students were run this time (the rest were unchanged), using
    /// `graderCPUMilliseconds` of the grader's own CPU time and at most `graderPeakMiB` of its memory.
    package static func text(_ reports: [StudentReport], graded: Int, folder: String, graderCPUMilliseconds: Int, graderPeakMiB: Int) -> String {
        let full = reports.filter { $0.score >= $0.maxScore }.count
        let unchanged = reports.count - graded
        let reused = unchanged > 0 ? " (\(unchanged) unchanged since their last report and not run again; --force regrades them)" : ""
        return "\(reports.count) student(s)\(reused), \(full) with full marks; \(graded) graded using \(graderCPUMilliseconds) ms of the grader's own CPU time and at most \(graderPeakMiB) MiB of its memory. Reports in \(VisibleText.escape(folder))/ (summary.csv, summary.json)."
    }
}
