import Reporting

/// Applies `rubric` to what the grader found.
///
/// The grader only says pass or fail; points come from here, so changing a mark is a
/// rubric edit. The result follows the rubric's order, a passed check earns its full
/// points and anything else earns zero, a rubric check with no result becomes
/// `skipped` (so a missing step shows in the report instead of vanishing), and results
/// for ids the rubric does not list are dropped. If the grader reported an id twice,
/// the first result counts.
///
/// A check the rubric gives 0 points becomes `info`: it is shown, never marked, so it
/// cannot look like a lost mark. What the grader decided stays in its evidence as
/// `verdict` (and in its message).
public func score(
    _ results: [CheckResult], with rubric: Rubric
) -> (checks: [CheckResult], score: Double, maxScore: Double) {
    let byID = Dictionary(results.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let scored = rubric.checks.map { check in
        var result = byID[check.id] ?? CheckResult(
            id: check.id, status: .skipped,
            message: "The grader produced no result for this check, so it earned no points.")
        result.title = check.title
        result.maxPoints = check.points
        result.points = result.status == .passed ? check.points : 0
        if check.points == 0 { result = informational(result) }
        return result
    }
    let total = ReportNumber.rounded(scored.reduce(0) { $0 + $1.points })
    return (scored, total, rubric.maxScore)
}

/// A 0-point check's result as `info`, keeping the grader's verdict in the evidence.
/// A result scored before (a report rescored after the class-level pass) keeps the
/// verdict it has, so scoring twice is scoring once.
private func informational(_ result: CheckResult) -> CheckResult {
    var shown = result
    shown.status = .info
    if case .object(var fields) = result.evidence, result.status != .info || fields["verdict"] == nil {
        fields["verdict"] = .string(result.status.rawValue)
        shown.evidence = .object(fields)
    }
    return shown
}
