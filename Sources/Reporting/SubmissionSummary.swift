/// What the grader found in a student's folder, so a report says which files it graded.
public struct SubmissionSummary: Codable, Sendable, Equatable {
    /// The submission folder as the grader was given it.
    public var folder: String
    /// The server source it chose, `nil` when none was found.
    public var server: ProgramSource?
    public var client: ProgramSource?

    public init(folder: String, server: ProgramSource?, client: ProgramSource?) {
        self.folder = folder
        self.server = server
        self.client = client
    }

    /// What the report of a roster student who handed nothing in, or of a
    /// refused submission, records: no folder. Said here once, and tested by
    /// `isHandedIn`, for the passes that have only the reports (`sockgrade merge`).
    public static let nothingHandedIn = SubmissionSummary(folder: "", server: nil, client: nil)

    /// False for `nothingHandedIn`: there is nothing of this student's to compare.
    public var isHandedIn: Bool { !folder.isEmpty }

    enum CodingKeys: String, CodingKey {
        case folder, server, client
    }

    /// Writes `null` for a missing program rather than dropping the key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(folder, forKey: .folder)
        try container.encode(server, forKey: .server)
        try container.encode(client, forKey: .client)
    }
}

/// One source file and the language the grader built or ran it as.
public struct ProgramSource: Codable, Sendable, Equatable {
    /// Path relative to the submission folder.
    public var file: String
    /// For example `c`, `python` or `java`.
    public var language: String

    public init(file: String, language: String) {
        self.file = file
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case file, language
    }
}
