import Foundation
import Checks
import ProgramDiscovery
import Reporting
import RubricScoring
import Sandbox

#if canImport(Glibc)
import Glibc
import ClassDiscovery
import LiveRun
import ProgramDiscovery
#endif

/// Grades a class: `jobs` students at once, each report written as soon as
/// it is done, students whose submission and rubric are unchanged since their
/// last report left as they are, and the class summary at the end.
public struct BatchGrader {
    public var rubric: Rubric
    public var outputFolder: URL
    public var options: BatchOptions
    public var cancellation: Cancellation

    public init(rubric: Rubric, outputFolder: URL, options: BatchOptions? = nil, cancellation: Cancellation = Cancellation()) {
        self.rubric = rubric
        self.outputFolder = outputFolder
        self.options = options ?? BatchOptions()
        self.cancellation = cancellation
    }

    /// Checks what the machine must offer before any student is touched.
    public static func preflight() throws(GradingError) -> SandboxTools {
        do {
            return try SandboxTools.locate()
        } catch {
            throw GradingError(error.description)
        }
    }

    /// Grades `students`; `onStart` and `onReport` are called on the calling
    /// thread, in the order things happen. Throws an `interrupted` error when
    /// cancelled, after writing the reports and summary of those finished.
    public func grade(
        _ students: [StudentSubmission],
        onStart: (StudentSubmission) -> Void = { _ in },
        onReport: (StudentReport, URL) -> Void = { _, _ in }
    ) throws(GradingError) -> [StudentReport] {
        try Self.rejectDuplicateNames(students)
        // A student program that closes its stdin before reading the typed text
        // must not kill the grader with SIGPIPE: the write then fails with EPIPE,
        // which the run reports. Children get the default back at spawn.
        signal(SIGPIPE, SIG_IGN)
        let programDefaults: ProgramManifest?
        do {
            programDefaults = try ProgramLocator.rubricDefaults(of: rubric)
        } catch {
            throw GradingError(error.description)
        }
        let tools = try Self.preflight()
        let mode: SandboxMode
        do {
            mode = try SandboxMode.detect(tools: tools, helper: options.helperExecutable)
        } catch {
            throw GradingError(error.description)
        }
        LeftoverSweep.run()
        try createOutputFolder()
        for line in StaleReports.moveAside(in: outputFolder, keeping: students) {
            FileHandle.standardError.write(Data("sockgrade: note: \(line)\n".utf8))
        }
        let plan = IncrementalPlan(students: students, rubric: rubric, outputFolder: outputFolder, options: options, cancellation: cancellation)
        var reports: [Int: StudentReport] = [:]
        for (index, report) in plan.unchanged {
            reports[index] = report
            onReport(report, reportURL(for: report.student))
        }
        // copydetect reads only the handed-in sources (the live runs work on
        // copies), so it runs beside the grading rather than after it.
        // `isMissing` here is `SubmissionSummary.isHandedIn` once there are
        // reports: `MissingSubmission` gives the missing `.nothingHandedIn`.
        let similarity = SharedWorkPass(rubric: rubric).startCodeSimilarity(
            students.filter { !$0.isMissing }.map { CodeSimilarityCheck.Submission(student: $0.name, folder: $0.folder.path) },
            outputFolder: outputFolder)
        if !plan.toGrade.isEmpty {
            let scratch: ScratchSpace
            do {
                scratch = try ScratchSpace(onTmpfs: mode.isRoot)
            } catch {
                throw GradingError(error.message)
            }
            defer { scratch.remove() }
            var parent: NetworkNamespace?
            if mode.isRoot {
                do {
                    parent = try NetworkNamespace(childHashEntries: 256)
                } catch {
                    throw GradingError(error.description)
                }
            }
            let controlGroups = try? ControlGroupRoot.detect().get()
            defer { controlGroups?.removeRunFolders() }
            var live = LiveRunner(
                limits: rubric.limits, input: rubric.input, tools: tools, scratch: scratch, outputFolder: outputFolder,
                parentNamespace: parent, controlGroups: controlGroups, mode: mode)
            live.toolchains = rubric.toolchains
            if mode.isRoot {
                live.prefetch = NetworkPrefetch(folder: scratch.root.path, tools: tools, parent: parent)
            }
            defer { live.prefetch?.discardAll() }
            let grader = StudentGrader(rubric: rubric, programDefaults: programDefaults, live: live)
            let pool = GradingPool(grader: grader, jobs: options.jobs, cancellation: cancellation)
            var writeFailure: GradingError?
            pool.run(plan.toGrade) { event in
                switch event {
                case .started(_, let student):
                    onStart(student)
                case .finished(let index, var report):
                    report.fingerprint = plan.fingerprints[index]
                    do {
                        let url = try ReportWriter.write(report, to: outputFolder)
                        reports[index] = report
                        onReport(report, url)
                    } catch {
                        writeFailure = GradingError("Cannot write the report of \(report.student): \(error)")
                        cancellation.cancel()
                    }
                }
            }
            if let writeFailure { throw writeFailure }
        }
        let shared = SharedWorkPass(rubric: rubric).apply(
            to: reports.sorted { $0.key < $1.key }.map(\.value), outputFolder: outputFolder, similarity: similarity)
        let finished = shared.reports
        do {
            try ReportWriter.write(shared.changed, to: outputFolder)
            try ReportWriter.writeSummary(
                finished, rubricCheckIDs: rubric.checks.map(\.id), to: outputFolder, columns: rubric.gradebook, sharedWork: shared.pairs)
        } catch {
            throw GradingError("Cannot write the class summary: \(error)")
        }
        if cancellation.isCancelled && finished.count < students.count {
            throw GradingError.interrupted(finished: finished.count, of: students.count, folder: outputFolder.path)
        }
        return finished
    }

    private func reportURL(for student: String) -> URL {
        outputFolder.appendingPathComponent(ReportWriter.fileName(for: student))
    }

    private func createOutputFolder() throws(GradingError) {
        do {
            try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        } catch {
            throw GradingError("Cannot create the output folder \(outputFolder.path): \(error.localizedDescription)")
        }
    }

    /// Two students whose reports would share a file name cannot both be graded.
    package static func rejectDuplicateNames(_ students: [StudentSubmission]) throws(GradingError) {
        var seen: [String: URL] = [:]
        for student in students {
            let file = ReportWriter.fileName(for: student.name)
            if let earlier = seen[file] {
                throw GradingError("Two students would share the report \(file): \(earlier.path) and \(student.folder.path). Rename one folder.")
            }
            seen[file] = student.folder
        }
    }
}
