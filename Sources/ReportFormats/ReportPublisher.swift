import Foundation
import Reporting

/// Turns a batch's reports into everything around them: evidence files and progress
/// as each student finishes, then the requested Gradescope, JUnit, Markdown and HTML
/// files and the closing table.
///
/// It hooks into grading only through the batch's per-student callback and the
/// finished reports, so it works however the batch schedules students; a lock keeps
/// the tally and the terminal line whole if students finish on several threads.
public final class ReportPublisher: @unchecked Sendable {
    public let destinations: ReportDestinations
    public let outputFolder: URL
    public let checkIDs: [String]
    let console: ConsoleOutput
    private var progress: GradeProgress
    private let lock = NSLock()

    public init(
        destinations: ReportDestinations, outputFolder: URL, students: [String], checkIDs: [String],
        console: ConsoleOutput
    ) {
        self.destinations = destinations
        self.outputFolder = outputFolder
        self.checkIDs = checkIDs
        self.console = console
        self.progress = GradeProgress(students: students)
        if console.isTerminal { redraw() }
    }

    /// The batch's start callback: the progress line names who is being graded.
    public func studentStarted(_ student: String) {
        lock.lock()
        defer { lock.unlock() }
        progress.start(student)
        if console.isTerminal { redraw() }
    }

    /// The batch's callback: keeps the evidence, then shows progress.
    public func studentFinished(_ report: StudentReport, _ reportFile: URL) {
        do {
            try EvidenceFiles.write(report, outputFolder: outputFolder)
        } catch {
            console.warn(VisibleText.escape("sockgrade: warning: the evidence files of \(report.student) were not written: \(error)"))
        }
        lock.lock()
        defer { lock.unlock() }
        progress.record(report)
        if console.isTerminal {
            redraw()
        } else {
            console.write(progress.plainLine(for: report, style: console.style, width: console.columns) + "\n")
        }
        if console.githubAnnotations {
            clearLine()
            console.write(CIAnnotations.githubLines(for: report).joined(separator: "\n") + "\n")
            if console.isTerminal { redraw() }
        }
    }

    /// Writes the requested files and prints the closing table; returns the students
    /// below `failUnder` (empty when none is, or no threshold was given).
    public func finish(_ reports: [StudentReport]) throws(ReportError) -> [StudentReport] {
        clearLine()
        let sorted = reports.sorted { $0.student < $1.student }
        if let file = destinations.gradescope, let report = reports.first {
            let data: Data
            do {
                data = try GradescopeResults(report: report).encoded()
            } catch {
                throw ReportError(.cannotEncode, path: file.path, detail: String(describing: error))
            }
            try ReportWriter.writeFile(data, to: file)
        }
        if let file = destinations.junit {
            try ReportWriter.writeFile(Data(JUnitReport.render(sorted).utf8), to: file)
        }
        if let file = destinations.markdown {
            try ReportWriter.writeFile(Data(MarkdownSummary.render(sorted).utf8), to: file)
        }
        if let file = destinations.html {
            try ReportWriter.writeFile(Data(htmlPage(sorted, at: file).utf8), to: file)
        }
        try writeFeedback(sorted)
        console.write(ClassTable.render(sorted, style: console.style, width: console.columns) + "\n")
        guard let threshold = destinations.failUnder else { return [] }
        return sorted.filter { ReportNumber.rounded($0.score) < ReportNumber.rounded(threshold) }
    }

    private func htmlPage(_ reports: [StudentReport], at file: URL) -> String {
        let captures = Set(reports.map(\.student).filter { student in
            let capture = EvidenceFolder.url(for: student, in: outputFolder).appendingPathComponent(EvidenceFolder.liveCapture)
            return FileManager.default.fileExists(atPath: capture.path)
        })
        let base = RelativePath.link(from: file.deletingLastPathComponent(), to: outputFolder)
        return HTMLReport(reports: reports, checkIDs: checkIDs, evidenceBase: base, liveCaptures: captures).render()
    }

    private func redraw() {
        console.write("\r\u{1B}[2K" + progress.line(width: console.width, style: console.style))
    }

    private func clearLine() {
        if console.isTerminal { console.write("\r\u{1B}[2K") }
    }
}
