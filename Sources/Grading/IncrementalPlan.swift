import Foundation
import Reporting
import ClassDiscovery
import ProgramDiscovery
import RubricScoring

/// Which students need grading: those without a complete report, or whose
/// fingerprint (submission files, username, rubric) changed since it, or all
/// of them with `force`. A report cut short by a killed run does not parse,
/// so that student is graded again.
package struct IncrementalPlan {
    package var fingerprints: [Int: String] = [:]
    package var unchanged: [(Int, StudentReport)] = []
    package var toGrade: [(Int, StudentSubmission)] = []

    package init(students: [StudentSubmission], rubric: Rubric, outputFolder: URL, options: BatchOptions) {
        for (index, student) in students.enumerated() {
            // A refused submission (a link) is never walked, not even to fingerprint it.
            if student.refusal != nil {
                toGrade.append((index, student))
                continue
            }
            let fingerprint = SubmissionFingerprint.compute(student, rubric: rubric)
            fingerprints[index] = fingerprint
            let file = outputFolder.appendingPathComponent(ReportWriter.fileName(for: student.name))
            if !options.force, let earlier = try? ReportReader.read(file), earlier.fingerprint == fingerprint {
                unchanged.append((index, earlier))
            } else {
                toGrade.append((index, student))
            }
        }
    }
}
