import Reporting
import RubricScoring
import Checks

/// Runs `capture-originality` over a whole class once every student has a
/// report: the batch calls it after grading, `sockgrade merge` after joining
/// shards (a shard alone sees only part of the class), so both write the same.
package struct SharedWorkPass {
    package var rubric: Rubric

    package init(rubric: Rubric) {
        self.rubric = rubric
    }

    /// The reports with the class-level result scored in, which of them
    /// changed (to be written again), and the pairs for the summary.
    package func apply(to reports: [StudentReport]) -> (reports: [StudentReport], changed: [StudentReport], pairs: [SharedWorkPair]) {
        guard rubric.checks.contains(where: { $0.id == CheckID.captureOriginality }) else { return (reports, [], []) }
        let check = CaptureOriginalityCheck(reports: reports)
        let results = check.results()
        var updated: [StudentReport] = []
        var changed: [StudentReport] = []
        for var report in reports {
            guard let result = results[report.student] else {
                updated.append(report)
                continue
            }
            let others = report.checks.filter { $0.id != CheckID.captureOriginality }
            let scored = score(others + [result], with: rubric)
            if scored.checks != report.checks {
                report.checks = scored.checks
                report.score = scored.score
                report.maxScore = scored.maxScore
                changed.append(report)
            }
            updated.append(report)
        }
        return (updated, changed, check.pairs())
    }
}
