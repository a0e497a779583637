import ArgumentParser
import Foundation
import Grading
import ReportFormats
import Reporting
import RubricScoring

import ClassDiscovery

/// The `grade` options that choose extra outputs for instructors, Gradescope and CI.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write Gradescope's results.json for the one student graded.", valueName: "file"))
    var gradescope: String?

    @Option(help: ArgumentHelp("Write JUnit XML, one test case per check, for a CI test report.", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("Write a Markdown summary, e.g. to $GITHUB_STEP_SUMMARY.", valueName: "file"))
    var markdown: String?

    @Option(help: ArgumentHelp("Write one self-contained HTML page for the class.", valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("Exit with status 1 when a student scores below this.", valueName: "score"))
    var failUnder: Double?

    @Option(help: ArgumentHelp("Write feedback a student can read, <student>.md and <student>.html, into this folder.", valueName: "folder"))
    var feedback: String?

    @Option(help: ArgumentHelp("Pack the feedback in the zip Moodle's \"Upload multiple feedback files in a zip\" takes.", valueName: "file.zip"))
    var moodleFeedback: String?

    func validate() throws {
        if let failUnder, !failUnder.isFinite || failUnder < 0 {
            throw ValidationError("--fail-under must be a score of zero or more.")
        }
    }

    /// The publisher for this run; Gradescope grades one submission at a time, so
    /// `--gradescope` with several students is refused before anyone is graded.
    func publisher(for students: [StudentSubmission], rubric: Rubric, outputFolder: URL) throws -> ReportPublisher {
        if gradescope != nil, students.count != 1 {
            throw fail("--gradescope writes the results of one student, but \(students.count) were found; name one student's folder.")
        }
        var destinations = ReportDestinations(
            gradescope: gradescope.map(URL.init(fileURLWithPath:)), junit: junit.map(URL.init(fileURLWithPath:)),
            markdown: markdown.map(URL.init(fileURLWithPath:)), html: html.map(URL.init(fileURLWithPath:)),
            failUnder: failUnder)
        destinations.feedback = feedback.map(URL.init(fileURLWithPath:))
        destinations.moodleFeedback = moodleFeedback.map(URL.init(fileURLWithPath:))
        destinations.moodleParticipants = Dictionary(students.compactMap { student in
            guard student.lms == "moodle", let id = student.lmsID, let name = student.displayName else { return nil }
            return (student.name, MoodleFeedbackZip.Participant(fullName: name, id: id))
        }, uniquingKeysWith: { first, _ in first })
        return ReportPublisher(
            destinations: destinations, outputFolder: outputFolder, students: students.map(\.name),
            checkIDs: rubric.checks.map(\.id), console: .standard())
    }

    /// Writes the extra files and the closing lines, then applies `--fail-under`.
    func finish(_ publisher: ReportPublisher, _ reports: [StudentReport], graded: Int) throws {
        let below: [StudentReport]
        do {
            below = try publisher.finish(reports)
        } catch {
            throw fail(error.description)
        }
        say(BatchFooter.text(reports, graded: graded, folder: publisher.outputFolder.path, graderCPUMilliseconds: GraderCPU.milliseconds, graderPeakMiB: GraderMemory.peakMiB))
        guard let failUnder, !below.isEmpty else { return }
        let names = below.map { "\(VisibleText.escape($0.student)) (\(ReportNumber.text($0.score)))" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("sockgrade: below --fail-under \(ReportNumber.text(failUnder)): \(names)\n".utf8))
        throw ExitCode(1)
    }
}
