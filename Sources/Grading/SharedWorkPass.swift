import Foundation
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

    /// The name of copydetect's HTML report in the output folder.
    package static let similarityReportName = "code-similarity.html"

    /// The reports with the class-level results scored in, which of them
    /// changed (to be written again), and the pairs for the summary.
    /// `outputFolder` receives copydetect's HTML report.
    package func apply(to reports: [StudentReport], outputFolder: URL) -> (reports: [StudentReport], changed: [StudentReport], pairs: [SharedWorkPair]) {
        let wanted = Set(rubric.checks.map(\.id))
        // A roster student with nothing handed in (or a refused submission) has
        // no folder: their report already says why every check failed, and
        // there is nothing of theirs to compare.
        let handedIn = reports.filter { !$0.submission.folder.isEmpty }
        var results: [String: [CheckResult]] = [:]
        var pairs: [SharedWorkPair] = []
        if wanted.contains(CheckID.captureOriginality) {
            let check = CaptureOriginalityCheck(reports: handedIn)
            for (student, result) in check.results() { results[student, default: []].append(result) }
            pairs += check.pairs()
        }
        if wanted.contains(CheckID.codeSimilarity) {
            let report = outputFolder.appendingPathComponent(Self.similarityReportName)
            try? FileManager.default.removeItem(at: report)
            var boilerplate = rubric.provenance.boilerplateURLs(rubricSource: rubric.source)
            // The built-in rubric's `tutorial` is built in too, unless the current folder has one.
            var builtInTutorial: URL?
            if rubric.source == Rubric.builtInName, boilerplate.contains(where: { !FileManager.default.fileExists(atPath: $0.path) }) {
                builtInTutorial = try? BuiltInTutorial.write(under: FileManager.default.temporaryDirectory)
                if let builtInTutorial {
                    boilerplate = boilerplate.map { FileManager.default.fileExists(atPath: $0.path) ? $0 : builtInTutorial }
                }
            }
            defer { builtInTutorial.map { try? FileManager.default.removeItem(at: $0) } }
            let check = CodeSimilarityCheck(
                reports: handedIn, boilerplate: boilerplate,
                threshold: rubric.provenance.similarityThreshold, htmlReport: report)
            let found = check.results()
            for (student, result) in found.results { results[student, default: []].append(result) }
            pairs += found.pairs
        }
        guard !results.isEmpty else { return (reports, [], []) }
        var updated: [StudentReport] = []
        var changed: [StudentReport] = []
        for var report in reports {
            guard let classResults = results[report.student] else {
                updated.append(report)
                continue
            }
            let replaced = Set(classResults.map(\.id))
            let others = report.checks.filter { !replaced.contains($0.id) }
            let scored = score(others + classResults, with: rubric)
            if scored.checks != report.checks {
                report.checks = scored.checks
                report.score = scored.score
                report.maxScore = scored.maxScore
                changed.append(report)
            }
            updated.append(report)
        }
        return (updated, changed, SharedWorkPair.joined(pairs))
    }
}
