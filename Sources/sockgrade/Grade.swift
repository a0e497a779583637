import ArgumentParser
import Foundation
import Grading
import ReportFormats
import Reporting
import RubricScoring

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade one student's folder or a folder of student folders.",
        discussion: """
            Each student gets OUT/<student>.json; the class gets OUT/summary.csv and OUT/summary.json.
            The username is the student folder's name, unless a roster.csv (folder,username) sits in the \
            submissions folder, or --username is given for a single student. Needs root.
            """)

    @Argument(help: "A folder of student folders, or one student's folder.")
    var paths: [String]

    @Option(help: "The rubric (mark breakdown) to score against.")
    var rubric = "rubric/socket-lab.yaml"

    @Option(help: "The folder the reports are written to.")
    var out = "reports"

    @Option(help: "The username the client must send (one student only).")
    var username: String?

    @OptionGroup(title: "Outputs for Gradescope, CI and the instructor")
    var reportOptions: ReportOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one folder to grade.") }
        if let username, username.isEmpty { throw ValidationError("--username must not be empty.") }
    }

    func run() throws {
        let rubric: Rubric
        let students: [StudentSubmission]
        do {
            rubric = try Rubric.load(from: self.rubric, knownCheckIDs: CheckID.all)
            students = try SubmissionDiscovery.discover(paths: paths, username: username)
        } catch let error as RubricError {
            throw fail(String(describing: error))
        } catch {
            throw fail("\(error)")
        }
        let output = URL(fileURLWithPath: out)
        let publisher = try reportOptions.publisher(for: students, rubric: rubric, outputFolder: output)
        let reports: [StudentReport]
        do {
            reports = try BatchGrader(rubric: rubric, outputFolder: output).grade(students) { report, url in
                publisher.studentFinished(report, url)
            }
        } catch {
            throw fail(String(describing: error))
        }
        try reportOptions.finish(publisher, reports)
    }
}
