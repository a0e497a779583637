import Reporting

/// What every view of a report says the same way.
extension StudentReport {
    /// Checks worth points that earned nothing, in rubric order. A 0-point check
    /// (informational, such as the screenshots by default) is in the report and
    /// on the page, but does not make a student look failing in summaries.
    public var unpassedChecks: [CheckResult] {
        checks.filter { $0.status != .passed && $0.maxPoints > 0 }
    }

    /// `1.2 / 2`, as every view prints a score.
    public var scoreText: String {
        "\(ReportNumber.text(score)) / \(ReportNumber.text(maxScore))"
    }
}
