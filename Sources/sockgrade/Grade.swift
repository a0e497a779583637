import ArgumentParser
import Foundation
import Grading
import Reporting
import RubricScoring

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade one student's folder or a folder of student folders.",
        discussion: """
            Each student gets OUT/<student>.json; the class gets OUT/summary.csv and OUT/summary.json.
            The username is the student folder's name, unless a roster.csv (folder,username) sits in the \
            submissions folder, or --username is given for a single student. Needs root.
            A PATH may also be a Canvas or Moodle bulk download (a .zip, .tar.gz or .tgz, or a folder of \
            per-student files and archives): it is unpacked safely into OUT/unpacked/ and grouped per \
            student. A roster (Canvas or Moodle export, columns found by header: login/username, student \
            id, name) maps students to usernames; roster students with no submission get a report, score 0.
            """)

    @Argument(help: "A folder of student folders, one student's folder, or a class download (.zip, .tar.gz).")
    var paths: [String]

    @Option(help: "The class roster (CSV); by default a roster.csv beside the submissions.")
    var roster: String?

    @Option(help: "The rubric (mark breakdown) to score against.")
    var rubric = "rubric/socket-lab.yaml"

    @Option(help: "The folder the reports are written to.")
    var out = "reports"

    @Option(help: "The username the client must send (one student only).")
    var username: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one folder to grade.") }
        if let username, username.isEmpty { throw ValidationError("--username must not be empty.") }
    }

    func run() throws {
        let rubric: Rubric
        let students: [StudentSubmission]
        do {
            rubric = try Rubric.load(from: self.rubric, knownCheckIDs: CheckID.all)
            let found = try SubmissionDiscovery.discoverClass(
                paths: paths, username: username, roster: roster,
                workFolder: URL(fileURLWithPath: out).appendingPathComponent("unpacked"))
            students = found.students
            for warning in found.warnings {
                FileHandle.standardError.write(Data("sockgrade: warning: \(warning)\n".utf8))
            }
        } catch let error as RubricError {
            throw fail(String(describing: error))
        } catch {
            throw fail("\(error)")
        }
        let output = URL(fileURLWithPath: out)
        let table = SummaryTable()
        let reports: [StudentReport]
        do {
            reports = try BatchGrader(rubric: rubric, outputFolder: output).grade(students) { report, url in
                print(table.line(for: report, file: url.path))
            }
        } catch {
            throw fail(String(describing: error))
        }
        print(table.footer(reports, folder: output.path))
    }
}
