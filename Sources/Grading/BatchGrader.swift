import Foundation
import Reporting
import RubricScoring
import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Grades a class one student after another, writing each report as soon as
/// it is done, and the class summary at the end.
public struct BatchGrader {
    public var rubric: Rubric
    public var outputFolder: URL

    public init(rubric: Rubric, outputFolder: URL) {
        self.rubric = rubric
        self.outputFolder = outputFolder
    }

    /// Checks what the machine must offer before any student is touched.
    public static func preflight() throws(GradingError) -> SandboxTools {
        guard geteuid() == 0 else {
            throw GradingError("sockgrade grade needs root: it gives every student a private network namespace and runs their code as an unprivileged user. Run it with sudo (or as root in CI).")
        }
        do {
            return try SandboxTools.locate()
        } catch {
            throw GradingError(error.description)
        }
    }

    public func grade(
        _ students: [StudentSubmission], onReport: (StudentReport, URL) -> Void = { _, _ in }
    ) throws(GradingError) -> [StudentReport] {
        let tools = try Self.preflight()
        let scratch = try ScratchSpace()
        defer { scratch.remove() }
        do {
            try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        } catch {
            throw GradingError("Cannot create the output folder \(outputFolder.path): \(error.localizedDescription)")
        }
        let parent: NetworkNamespace
        do {
            parent = try NetworkNamespace(childHashEntries: 256)
        } catch {
            throw GradingError(error.description)
        }
        let grader = StudentGrader(rubric: rubric, tools: tools, scratch: scratch, outputFolder: outputFolder, parentNamespace: parent)
        var reports: [StudentReport] = []
        for student in students {
            let report = grader.grade(student)
            let url: URL
            do {
                url = try ReportWriter.write(report, to: outputFolder)
            } catch {
                throw GradingError("Cannot write the report of \(student.name): \(error)")
            }
            reports.append(report)
            onReport(report, url)
        }
        do {
            try ReportWriter.writeSummary(reports, rubricCheckIDs: rubric.checks.map(\.id), to: outputFolder)
        } catch {
            throw GradingError("Cannot write the class summary: \(error)")
        }
        return reports
    }
}
