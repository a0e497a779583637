import Foundation
import Reporting
import RubricScoring
import Checks
import ClassDiscovery

/// The report of a roster student who handed nothing in (every check failed,
/// score 0), or of a submission the grader refused to open (every check an
/// error naming the cause, so a TA looks at it rather than reading it as a 0).
package enum MissingSubmission {
    package static func report(_ submission: StudentSubmission, rubric: Rubric) -> StudentReport {
        let why = submission.refusal
            ?? "No submission was found for \(submission.displayName.map { "\($0) (\(submission.username))" } ?? submission.username), who is on the roster (\(submission.usernameSource))."
        let results = rubric.checks.map { submission.refusal == nil ? Finding.failed($0.id, why) : Finding.error($0.id, why) }
        let scored = score(results, with: rubric)
        return StudentReport(
            student: submission.name, username: submission.username,
            score: scored.score, maxScore: scored.maxScore, rubric: rubric.name,
            gradedAt: Date.now.formatted(.iso8601), durationMilliseconds: 0,
            submission: .nothingHandedIn,
            checks: scored.checks, notes: submission.intakeNotes + [why])
    }
}
