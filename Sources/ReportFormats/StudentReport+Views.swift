import Reporting

/// What every view of a report says the same way.
extension StudentReport {
    /// Checks that earned nothing, in rubric order.
    public var unpassedChecks: [CheckResult] {
        checks.filter { $0.status != .passed }
    }

    /// `1.2 / 2`, as every view prints a score.
    public var scoreText: String {
        "\(ReportNumber.text(score)) / \(ReportNumber.text(maxScore))"
    }
}
