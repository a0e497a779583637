import Foundation

/// Reads a report written by `ReportWriter`, to resume a run or to `show` one student.
public enum ReportReader {
    public static func read(_ url: URL) throws(ReportError) -> StudentReport {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ReportError(.fileNotFound, path: url.path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportError(.cannotReadFile, path: url.path, detail: error.localizedDescription)
        }
        try checkSchemaVersion(data, path: url.path)
        do {
            return try ReportCoding.makeDecoder().decode(StudentReport.self, from: data)
        } catch {
            throw ReportError(.notAReport, path: url.path, detail: ReportCoding.explain(error))
        }
    }

    /// Looks at the version alone first, so a newer report gets "grade again" rather
    /// than a confusing complaint about some key that moved.
    private static func checkSchemaVersion(_ data: Data, path: String) throws(ReportError) {
        struct Versioned: Decodable {
            var version: Int
            enum CodingKeys: String, CodingKey { case version = "schema_version" }
        }
        let version: Int
        do {
            version = try ReportCoding.makeDecoder().decode(Versioned.self, from: data).version
        } catch {
            throw ReportError(.notAReport, path: path, detail: ReportCoding.explain(error))
        }
        guard version == StudentReport.currentSchemaVersion else {
            throw ReportError(.unsupportedSchemaVersion, path: path, detail: String(version))
        }
    }
}
