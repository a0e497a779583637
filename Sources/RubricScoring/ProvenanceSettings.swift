import Foundation

/// The rubric's `provenance:` section (issue 16): what the provenance checks
/// need to know about the lab that no submission says.
public struct ProvenanceSettings: Sendable, Equatable {
    /// When the hand-out was published: a handed-in capture made before it
    /// was not made for this lab. Nil when the rubric does not say.
    public var published: Date?
    /// Tutorial code everyone may copy (files or folders), relative to the
    /// rubric's folder: `code-similarity` leaves what they share out.
    public var boilerplate: [String]
    /// Share of a file (0 to 1) found in a classmate's, beyond the
    /// boilerplate, from which `code-similarity` names the pair.
    public var similarityThreshold: Double

    public init(published: Date? = nil, boilerplate: [String] = [], similarityThreshold: Double = 0.5) {
        self.published = published
        self.boilerplate = boilerplate
        self.similarityThreshold = similarityThreshold
    }

    public static let defaults = ProvenanceSettings()

    /// The boilerplate paths as files on disk: relative ones against the
    /// rubric file's folder, or the current folder for the built-in rubric.
    public func boilerplateURLs(rubricSource: String) -> [URL] {
        let base = rubricSource == Rubric.builtInName
            ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            : URL(fileURLWithPath: rubricSource).deletingLastPathComponent()
        return boilerplate.map { path in
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        }
    }
}
