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
    /// - Parameter similarity: copydetect started early (`startCodeSimilarity`);
    ///   used when it compared the submissions these reports name.
    package func apply(
        to reports: [StudentReport], outputFolder: URL, similarity: StartedSimilarity? = nil
    ) -> (reports: [StudentReport], changed: [StudentReport], pairs: [SharedWorkPair]) {
        let wanted = Set(rubric.checks.map(\.id))
        // A roster student with nothing handed in (or a refused submission):
        // their report already says why every check failed, and there is
        // nothing of theirs to compare.
        let handedIn = reports.filter(\.submission.isHandedIn)
        var results: [String: [CheckResult]] = [:]
        var pairs: [SharedWorkPair] = []
        if wanted.contains(CheckID.captureOriginality) {
            let check = CaptureOriginalityCheck(reports: handedIn)
            for (student, result) in check.results() { results[student, default: []].append(result) }
            pairs += check.pairs()
        }
        if wanted.contains(CheckID.codeSimilarity) {
            let setting = similarity?.setting ?? SimilaritySetting(rubric: rubric, outputFolder: outputFolder)
            // One of an earlier grading must not stay when copydetect does not run now;
            // copydetect started early has removed it already, and may have written its own.
            if similarity?.started == nil { try? FileManager.default.removeItem(at: setting.htmlReport) }
            let check = CodeSimilarityCheck(
                reports: handedIn, boilerplate: setting.boilerplate,
                threshold: rubric.provenance.similarityThreshold, htmlReport: setting.htmlReport)
            let found = check.results(from: similarity?.started)
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

extension SharedWorkPass {
    /// Starts code-similarity's copydetect for the class's submissions before
    /// they are graded, when the rubric has the check: it reads only the
    /// sources, so it runs beside the live runs instead of after them.
    package func startCodeSimilarity(_ submissions: [CodeSimilarityCheck.Submission], outputFolder: URL) -> StartedSimilarity? {
        guard rubric.checks.contains(where: { $0.id == CheckID.codeSimilarity }) else { return nil }
        let setting = SimilaritySetting(rubric: rubric, outputFolder: outputFolder)
        let started = CodeSimilarityCheck.start(
            submissions, boilerplate: setting.boilerplate, threshold: rubric.provenance.similarityThreshold, htmlReport: setting.htmlReport)
        return StartedSimilarity(setting: setting, started: started)
    }
}

/// copydetect started before grading, with the boilerplate it was given.
package struct StartedSimilarity {
    fileprivate var setting: SimilaritySetting
    fileprivate var started: CodeSimilarityCheck.Started?
}

/// Where code-similarity's report goes and the boilerplate it leaves out.
/// The built-in rubric's `tutorial` is built in too, unless the current
/// folder has one: written to a temporary folder, removed with the last copy
/// of this setting.
private struct SimilaritySetting {
    var htmlReport: URL
    var boilerplate: [URL]
    private var builtInTutorial: TemporaryFolder?

    init(rubric: Rubric, outputFolder: URL) {
        htmlReport = outputFolder.appendingPathComponent(SharedWorkPass.similarityReportName)
        boilerplate = rubric.provenance.boilerplateURLs(rubricSource: rubric.source)
        if rubric.source == Rubric.builtInName, boilerplate.contains(where: { !FileManager.default.fileExists(atPath: $0.path) }),
           let written = try? BuiltInTutorial.write(under: FileManager.default.temporaryDirectory) {
            builtInTutorial = TemporaryFolder(url: written)
            boilerplate = boilerplate.map { FileManager.default.fileExists(atPath: $0.path) ? $0 : written }
        }
    }

    private final class TemporaryFolder {
        let url: URL
        init(url: URL) { self.url = url }
        deinit { try? FileManager.default.removeItem(at: url) }
    }
}
