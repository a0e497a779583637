/// What happened to one rubric check for one student.
///
/// `failed` means the student's work was examined and fell short; `error` means the
/// grader could not examine it (a crash, a timeout of its own); `skipped` means the
/// check was not attempted, usually because an earlier step it depends on failed.
/// Only `passed` earns points.
public enum CheckStatus: String, Codable, Sendable, CaseIterable {
    case passed
    case failed
    case error
    case skipped
}
