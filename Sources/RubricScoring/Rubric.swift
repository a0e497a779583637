import Foundation
import Reporting

/// The mark breakdown the grader scores against, read from a YAML file.
///
/// Keeping marks and limits in a file lets an instructor change them without a new
/// build of the grader; the grader decides only pass or fail.
public struct Rubric: Sendable, Equatable {
    public var name: String
    /// In the order reports and summaries list them.
    public var checks: [RubricCheck]
    public var limits: RubricLimits
    /// Column names of `summary.csv`, from the optional `gradebook:` section.
    public var gradebook: GradebookColumns
    /// The file the rubric came from, for messages and reports.
    public var source: String
    /// The `programs:` section as composed, with its lines: ProgramDiscovery
    /// checks it, so the rubric file is parsed once.
    public var programs: ProgramsSection?
    /// The YAML it was read from (empty for a rubric built in code): part of
    /// every report's fingerprint, so an edited rubric regrades the class.
    public var text: String = ""
    /// What each program finds typed on its standard input.
    public var input: TypedInput = .defaults
    /// Host folders of toolchains outside /usr (`programs.toolchains`), bound
    /// read-only into every sandbox; each one's bin/ goes first in PATH.
    public var toolchains: [String] = []
    /// Dates, boilerplate and threshold for the provenance checks.
    public var provenance: ProvenanceSettings = .defaults

    public init(
        name: String, checks: [RubricCheck], limits: RubricLimits = .defaults,
        gradebook: GradebookColumns = .standard, source: String = "", programs: ProgramsSection? = nil
    ) {
        self.name = name
        self.checks = checks
        self.limits = limits
        self.gradebook = gradebook
        self.source = source
        self.programs = programs
    }

    /// The sum of every check's points, rounded so five checks of 0.4 make 2.0.
    public var maxScore: Double {
        ReportNumber.rounded(checks.reduce(0) { $0 + $1.points })
    }

    /// Reads and validates the rubric at `path`.
    ///
    /// - Parameter knownCheckIDs: the checks the grader can run; any other id is a typo
    ///   that would otherwise silently score zero for every student.
    public static func load(from path: String, knownCheckIDs: Set<String>) throws(RubricError) -> Rubric {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RubricError(file: path, problem: "rubric file '\(path)' does not exist")
        }
        guard !isFolder.boolValue else {
            throw RubricError(file: path, problem: "rubric file '\(path)' is a folder, not a YAML file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RubricError(
                file: path, problem: "rubric file '\(path)' could not be read: \(error.localizedDescription)")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw RubricError(file: path, problem: "rubric file '\(path)' is not UTF-8 text")
        }
        return try parse(yaml: yaml, fileName: path, knownCheckIDs: knownCheckIDs)
    }

    /// Validates rubric text; `fileName` is used in messages and as `source`.
    public static func parse(yaml: String, fileName: String, knownCheckIDs: Set<String>) throws(RubricError) -> Rubric {
        try RubricParser(fileName: fileName, knownCheckIDs: knownCheckIDs).parse(yaml: yaml)
    }
}
