import Foundation

/// Writes the grader's output files: `<student>.json`, `summary.csv` and `summary.json`.
///
/// Every file is replaced atomically, so an interrupted run leaves each report either
/// as it was or complete, and a later run can resume by reading what is there.
public enum ReportWriter {
    /// The names the summary files take, which no student's report may shadow.
    public static let summaryCSVName = "summary.csv"
    public static let summaryJSONName = "summary.json"

    /// Writes `report` to `<directory>/<fileName(for: student)>` and returns that URL.
    @discardableResult
    public static func write(_ report: StudentReport, to directory: URL) throws(ReportError) -> URL {
        let target = directory.appendingPathComponent(fileName(for: report.student))
        let data = try encoded(report, for: target)
        try createFolder(directory)
        try AtomicFile.write(data, to: target)
        return target
    }

    private static func encoded(_ report: StudentReport, for target: URL) throws(ReportError) -> Data {
        do {
            return try ReportCoding.encodedFile(report)
        } catch {
            throw ReportError(.cannotEncode, path: target.path, detail: String(describing: error))
        }
    }

    /// Writes each of `reports` as `write` does, with one sync of the folder
    /// for all of them (see `writeFiles`): after the class pass, every report
    /// of the class is written again.
    public static func write(_ reports: [StudentReport], to directory: URL) throws(ReportError) {
        try writeFiles(reports.map { report throws(ReportError) in
            let target = directory.appendingPathComponent(fileName(for: report.student))
            return (try encoded(report, for: target), target)
        })
    }

    /// Writes `summary.csv` and `summary.json` for `reports`, with the rubric's checks as columns.
    ///
    /// - Parameter generatedAt: when the summary was made; a parameter so tests get a fixed file.
    /// - Parameter columns: the rubric's grade-book column names for `summary.csv`.
    public static func writeSummary(
        _ reports: [StudentReport],
        rubricCheckIDs: [String],
        to directory: URL,
        generatedAt: Date = Date(),
        columns: GradebookColumns = .standard,
        sharedWork: [SharedWorkPair] = []
    ) throws(ReportError) {
        let csvTarget = directory.appendingPathComponent(summaryCSVName)
        let jsonTarget = directory.appendingPathComponent(summaryJSONName)
        var summary = ClassSummary(reports: reports, rubricCheckIDs: rubricCheckIDs, generatedAt: generatedAt)
        summary.sharedWork = sharedWork
        let json: Data
        do {
            json = try ReportCoding.encodedFile(summary)
        } catch {
            throw ReportError(.cannotEncode, path: jsonTarget.path, detail: String(describing: error))
        }
        let csv = Data(SummaryCSV.render(reports, rubricCheckIDs: rubricCheckIDs, columns: columns).utf8)
        try createFolder(directory)
        try AtomicFile.write(csv, to: csvTarget)
        try AtomicFile.write(json, to: jsonTarget)
    }

    /// Writes any other output file (a page, an XML or text file) with the same
    /// all-or-nothing guarantee as the reports, creating its folder if needed.
    public static func writeFile(_ data: Data, to target: URL) throws(ReportError) {
        try createFolder(target.deletingLastPathComponent())
        try AtomicFile.write(data, to: target)
    }

    /// Writes several files as `writeFile` does each, syncing each folder once
    /// after its files are in place instead of once per file: a student's
    /// evidence is seven files in one folder, and each folder sync was a
    /// journal commit of its own on the thread that writes every report.
    public static func writeFiles(_ files: [(data: Data, target: URL)]) throws(ReportError) {
        var folders: [String] = []
        for file in files {
            let folder = file.target.deletingLastPathComponent()
            if !folders.contains(folder.path) {
                try createFolder(folder)
                folders.append(folder.path)
            }
            try AtomicFile.write(file.data, to: file.target, syncingFolder: false)
        }
        folders.forEach(AtomicFile.syncFolder)
    }

    /// The report file name for `student`: safe to join to the output folder whatever the name holds.
    ///
    /// `/` and control characters become `_` so the file cannot leave the folder, leading
    /// dots become `_` so it is neither hidden nor `..`, an empty name becomes `_`, and
    /// `summary` gets a trailing `_` so it cannot overwrite `summary.json`. Names are cut
    /// to 200 bytes to stay under the 255-byte limit with the suffix and temporary prefix.
    public static func fileName(for student: String) -> String {
        var characters = student.map { character -> Character in
            character == "/" || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
                ? "_" : character
        }
        if let firstNonDot = characters.firstIndex(where: { $0 != "." }) {
            characters.replaceSubrange(0..<firstNonDot, with: repeatElement("_", count: firstNonDot))
        } else {
            characters = characters.map { _ in "_" }
        }
        var stem = String(characters)
        while stem.utf8.count > 200 {
            stem.removeLast()
        }
        if stem.isEmpty {
            stem = "_"
        } else if stem == "summary" {
            stem = "summary_"
        }
        return stem + ".json"
    }

    private static func createFolder(_ directory: URL) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError(.cannotCreateDirectory, path: directory.path, detail: error.localizedDescription)
        }
    }
}
