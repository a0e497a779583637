import Foundation
import ClassDiscovery
import Reporting

/// Reports in the output folder of students who are not in this run (removed
/// from the class, renamed): left in place they looked current. They are
/// moved, with their evidence folder, into `OUT/stale/`, and each move is
/// said on stderr.
enum StaleReports {
    static let folderName = "stale"

    /// Moves aside every student report in `folder` whose student is not in `students`; returns one line per move.
    static func moveAside(in folder: URL, keeping students: [StudentSubmission]) -> [String] {
        let current = Set(students.map { ReportWriter.fileName(for: $0.name) })
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let stale = folder.appendingPathComponent(folderName)
        var lines: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix("summary") && !current.contains(name) {
            // Only a file that reads as a student report is one; anything else in OUT is left alone.
            guard let report = try? ReportReader.read(folder.appendingPathComponent(name)) else { continue }
            do {
                try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
                try replace(folder.appendingPathComponent(name), with: stale.appendingPathComponent(name))
                let evidence = EvidenceFolder.name(for: report.student)
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent(evidence).path) {
                    try replace(folder.appendingPathComponent(evidence), with: stale.appendingPathComponent(evidence))
                }
                lines.append("\(report.student) is not in this run; their earlier report was moved to \(stale.appendingPathComponent(name).path).")
            } catch {
                lines.append("\(report.student) is not in this run, but their earlier report \(name) could not be moved aside: \(error.localizedDescription)")
            }
        }
        return lines
    }

    private static func replace(_ item: URL, with target: URL) throws {
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.moveItem(at: item, to: target)
    }
}
