import Foundation
import ClassDiscovery
import ProgramDiscovery
import Reporting
import RubricScoring

/// What a report was graded from: the submission's files, the username, the
/// rubric, and the grader that wrote it (version, schema, build). Equal fingerprints mean grading again would
/// decide the same, so the earlier report stands.
package enum SubmissionFingerprint {
    package static func compute(_ submission: StudentSubmission, rubric: Rubric) -> String {
        var hash = SHA256()
        hash.update(Array("\(GraderVersion.identity)\0".utf8))
        hash.update(Array("username \(submission.username)\0".utf8))
        hash.update(Array(rubric.text.utf8))
        for path in SubmissionFiles.list(in: submission.folder, where: { _ in true }) {
            hash.update(Array("\0file \(path)\0".utf8))
            hash.update((try? Data(contentsOf: submission.folder.appendingPathComponent(path))) ?? Data())
        }
        return "sha256:" + hash.finalizeHex()
    }
}
