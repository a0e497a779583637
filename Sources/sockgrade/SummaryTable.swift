import ReportFormats
import Reporting

#if canImport(Glibc)
import Glibc
#endif

/// The last line a person sees after a batch: the totals and where the files are.
struct SummaryTable {
    func footer(_ reports: [StudentReport], graded: Int, folder: String) -> String {
        let full = reports.filter { $0.score >= $0.maxScore }.count
        let unchanged = reports.count - graded
        let reused = unchanged > 0 ? " (\(unchanged) unchanged since their last report and not run again; --force regrades them)" : ""
        return "\(reports.count) student(s)\(reused), \(full) with full marks; \(graded) graded using \(graderCPUMilliseconds) ms of the grader's own CPU time. Reports in \(VisibleText.escape(folder))/ (summary.csv, summary.json)."
    }

    /// CPU time of the grader process alone (RUSAGE_SELF leaves out the
    /// students' programs and compilers), so its overhead can be watched.
    private var graderCPUMilliseconds: Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        let microseconds = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
        return Int(microseconds / 1000)
    }
}
