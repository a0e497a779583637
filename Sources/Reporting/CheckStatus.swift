/// What happened to one rubric check for one student. Each status means one thing,
/// in the JSON report and in every view made from it:
///
/// - `passed`: the student's work did what the check asks; only this earns points.
/// - `failed`: the student's work was examined and fell short. The student's own
///   mistakes are failures: a compile error, a crash, a program that never listens.
/// - `error`: the grader could not decide, and a person must look: a missing
///   toolchain, a sandbox or capture failure, a live capture that dropped packets.
/// - `skipped`: not attempted, because an earlier step it depends on did not pass.
/// - `info`: a check the rubric gives 0 points, shown for information and never
///   marked; the grader's own verdict is in its evidence as `verdict`.
public enum CheckStatus: String, Codable, Sendable, CaseIterable {
    case passed
    case failed
    case error
    case skipped
    case info
}
