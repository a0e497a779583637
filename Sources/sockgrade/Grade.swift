import ArgumentParser
import Foundation
import Grading
import ReportFormats
import Reporting
import RubricScoring
import Checks
import ClassDiscovery
import LiveRun

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade one student's folder or a folder of student folders.",
        discussion: """
            Each student gets OUT/<student>.json; the class gets OUT/summary.csv and OUT/summary.json.
            The username is the student folder's name, unless a roster.csv (folder,username) sits in the \
            submissions folder, or --username is given for a single student. Students whose submission and \
            rubric are unchanged since their last report are not graded again (--force grades them anyway); \
            a batch stopped with Ctrl-C keeps its finished reports and goes on where it stopped. \
            A PATH may also be a Canvas or Moodle bulk download (a .zip, .tar.gz or .tgz, or a folder of \
            per-student files and archives): it is unpacked safely into OUT/unpacked/ and grouped per \
            student. A roster (Canvas or Moodle export, columns found by header: login/username, student \
            id, name) maps students to usernames; roster students with no submission get a report, score 0. \
            Runs as root, or without root through user namespaces.
            """)

    @Argument(help: "A folder of student folders, one student's folder, or a class download (.zip, .tar.gz).")
    var paths: [String]

    @Option(help: "The class roster (CSV); by default a roster.csv beside the submissions.")
    var roster: String?

    @Option(help: "The rubric (mark breakdown) to score against; by default the built-in one, which `sockgrade rubric` prints.")
    var rubric: String?

    @Option(help: "The folder the reports are written to.")
    var out = "reports"

    @Option(help: "The username the client must send (one student only).")
    var username: String?

    @Option(help: "How many students to grade at once (default: the number of cores; raise it when student programs mostly wait).")
    var jobs: Int?

    @Option(help: "Grade only shard K of N (K/N, 1-based), a stable share of the students by a hash of their name; join the outputs with `sockgrade merge`.")
    var shard: Shard?

    @Flag(help: "Grade every student again, even those whose report is up to date.")
    var force = false

    @OptionGroup(title: "Outputs for Gradescope, CI and the instructor")
    var reportOptions: ReportOptions

    /// This binary, which rootless grading starts again as its capture helper.
    static var executablePath: String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one folder to grade.") }
        if let username, username.isEmpty { throw ValidationError("--username must not be empty.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        let rubric: Rubric
        var students: [StudentSubmission]
        do {
            rubric = try RubricChoice.load(self.rubric)
            let found = try SubmissionDiscovery.discoverClass(
                paths: paths, username: username, roster: roster,
                workFolder: URL(fileURLWithPath: out).appendingPathComponent("unpacked"))
            students = found.students
            for warning in found.warnings {
                FileHandle.standardError.write(Data("sockgrade: warning: \(VisibleText.escape(warning))\n".utf8))
            }
        } catch let error as RubricError {
            throw fail(error.description)
        } catch {
            throw fail("\(error)")
        }
        if let shard {
            students = students.filter { shard.contains($0.name) }
        }
        let output = URL(fileURLWithPath: out)
        let publisher = try reportOptions.publisher(for: students, rubric: rubric, outputFolder: output)
        let cancellation = Cancellation()
        let stopSignals = StopSignals(cancellation: cancellation)
        defer { stopSignals.restore() }
        let grader = BatchGrader(
            rubric: rubric, outputFolder: output,
            options: BatchOptions(jobs: jobs ?? BatchOptions.defaultJobs, force: force, helperExecutable: Self.executablePath),
            cancellation: cancellation)
        let reports: [StudentReport]
        var graded = 0
        do {
            reports = try grader.grade(
                students,
                onStart: { student in
                    graded += 1
                    publisher.studentStarted(student.name)
                },
                onReport: { report, url in publisher.studentFinished(report, url) })
        } catch where error.interrupted {
            FileHandle.standardError.write(Data("sockgrade: \(VisibleText.escape(error.message))\n".utf8))
            throw ExitCode(130)
        } catch {
            throw fail(String(describing: error))
        }
        try reportOptions.finish(publisher, reports, graded: graded)
    }
}
