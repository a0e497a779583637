import Foundation
import Reporting
import RubricScoring
import Checks

/// Joins the output folders of sharded runs into one, as a single run would
/// have written it: every report and evidence folder, and one class summary.
public struct ShardMerger {
    /// The rubric the shards were graded with: its check order makes the summary's columns.
    public var rubric: Rubric

    public init(rubric: Rubric) {
        self.rubric = rubric
    }

    /// Returns how many student reports were merged.
    public func merge(_ folders: [URL], into output: URL) throws(GradingError) -> Int {
        var reports: [String: (report: StudentReport, folder: URL)] = [:]
        for folder in folders {
            for report in try readReports(in: folder) {
                if let earlier = reports[report.student] {
                    throw GradingError("\(report.student) has a report in both \(earlier.folder.path) and \(folder.path): the shards overlap.")
                }
                reports[report.student] = (report, folder)
            }
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            // A shard saw only its own students: the class-level pass runs on the whole class here.
            let shared = SharedWorkPass(rubric: rubric).apply(to: reports.keys.sorted().compactMap { reports[$0]?.report }, outputFolder: output)
            for report in shared.reports {
                _ = try ReportWriter.write(report, to: output)
                if let folder = reports[report.student]?.folder { try copyEvidence(of: report.student, from: folder, to: output) }
            }
            try ReportWriter.writeSummary(
                shared.reports, rubricCheckIDs: rubric.checks.map(\.id), to: output, columns: rubric.gradebook, sharedWork: shared.pairs)
        } catch let error as GradingError {
            throw error
        } catch {
            throw GradingError("Cannot write the merged output in \(output.path): \(error)")
        }
        return reports.count
    }

    private func readReports(in folder: URL) throws(GradingError) -> [StudentReport] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw GradingError("\(folder.path) does not exist or cannot be read.")
        }
        let summaries: Set<String> = [ReportWriter.summaryJSONName]
        var reports: [StudentReport] = []
        for name in names.sorted() where name.hasSuffix(".json") && !summaries.contains(name) {
            do {
                reports.append(try ReportReader.read(folder.appendingPathComponent(name)))
            } catch {
                throw GradingError("\(folder.appendingPathComponent(name).path) is not a sockgrade report: \(error)")
            }
        }
        return reports
    }

    private func copyEvidence(of student: String, from folder: URL, to output: URL) throws {
        let name = EvidenceFolder.name(for: student)
        let source = folder.appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder), isFolder.boolValue else { return }
        let target = output.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: source, to: target)
    }
}
