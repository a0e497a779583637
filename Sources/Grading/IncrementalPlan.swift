import Foundation
import Reporting
import ClassDiscovery
import LiveRun
import ProgramDiscovery
import RubricScoring

/// Which students need grading: those without a complete report, or whose
/// fingerprint (submission files, username, rubric) changed since it, or all
/// of them with `force`. A report cut short by a killed run does not parse,
/// so that student is graded again.
package struct IncrementalPlan {
    package var fingerprints: [Int: String] = [:]
    package var unchanged: [(Int, StudentReport)] = []
    package var toGrade: [GradingJob] = []

    /// Stops early when `cancellation` is: a student not planned yet has no
    /// report, so the next run grades it, as for one cut short in the pool.
    package init(
        students: [StudentSubmission], rubric: Rubric, outputFolder: URL, options: BatchOptions, cancellation: Cancellation = Cancellation()
    ) {
        for (index, student) in students.enumerated() where !cancellation.isCancelled {
            // A refused submission (a link) is never walked, not even to fingerprint it.
            if student.refusal != nil {
                toGrade.append(GradingJob(index: index, submission: student, tree: nil))
                continue
            }
            // The one walk of this submission: the fingerprint, and the grading if it is due, read it.
            let tree = SubmissionTree(student.folder)
            let fingerprint = SubmissionFingerprint.compute(student, tree: tree, rubric: rubric)
            fingerprints[index] = fingerprint
            let file = outputFolder.appendingPathComponent(ReportWriter.fileName(for: student.name))
            if !options.force, let earlier = try? ReportReader.read(file), earlier.fingerprint == fingerprint {
                unchanged.append((index, earlier))
            } else {
                toGrade.append(GradingJob(index: index, submission: student, tree: tree))
            }
        }
    }
}

/// One student to grade, with the walk of their files made when planning.
package struct GradingJob: Sendable {
    package var index: Int
    package var submission: StudentSubmission
    /// Nil for a submission that is refused or missing, which is never walked.
    package var tree: SubmissionTree?
}
