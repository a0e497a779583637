import Foundation

/// Everything the grader concluded about one student, written as `OUT/<student>.json`.
///
/// The JSON keys are the project's stable interface (other tools and the `show`
/// command read them), so they are spelled out in `CodingKeys` rather than derived.
public struct StudentReport: Codable, Sendable, Equatable {
    /// The schema this version writes; bump it when a key changes meaning or goes away.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The submission's name, normally its folder name; it also names the report file.
    public var student: String
    /// The username the student's client had to send.
    public var username: String
    public var score: Double
    public var maxScore: Double
    /// The rubric's `name`.
    public var rubric: String
    /// When grading finished, ISO 8601 in UTC (see `timestamp(_:)`).
    public var gradedAt: String
    public var durationMilliseconds: Double
    public var submission: SubmissionSummary
    /// In rubric order.
    public var checks: [CheckResult]
    public var programs: [ProgramRun]
    /// What the report was graded from (submission files, username, rubric), so an
    /// unchanged student is not graded again; nil in reports that predate it.
    public var fingerprint: String?
    /// The socket tables seen during the live run; nil when nothing ran.
    public var sockets: SocketSnapshots?
    /// Remarks that belong to no single check, such as "two server sources found, used server.c".
    public var notes: [String]

    public init(
        schemaVersion: Int = StudentReport.currentSchemaVersion,
        student: String,
        username: String,
        score: Double,
        maxScore: Double,
        rubric: String,
        gradedAt: String,
        durationMilliseconds: Double,
        submission: SubmissionSummary,
        checks: [CheckResult],
        programs: [ProgramRun] = [],
        sockets: SocketSnapshots? = nil,
        notes: [String] = [],
        fingerprint: String? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.student = student
        self.username = username
        self.score = score
        self.maxScore = maxScore
        self.rubric = rubric
        self.gradedAt = gradedAt
        self.durationMilliseconds = durationMilliseconds
        self.submission = submission
        self.checks = checks
        self.programs = programs
        self.sockets = sockets
        self.notes = notes
        self.fingerprint = fingerprint
    }

    /// `date` as `2025-03-01T14:05:09Z`, the form `gradedAt` uses.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case student, username, score
        case maxScore = "max_score"
        case rubric
        case gradedAt = "graded_at"
        case durationMilliseconds = "duration_ms"
        case submission, checks, programs, sockets, notes, fingerprint
    }

    /// Rounds the scores on the way out so sums of tenths read as tenths; decoding is synthesised.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(student, forKey: .student)
        try container.encode(username, forKey: .username)
        try container.encode(ReportNumber.rounded(score), forKey: .score)
        try container.encode(ReportNumber.rounded(maxScore), forKey: .maxScore)
        try container.encode(rubric, forKey: .rubric)
        try container.encode(gradedAt, forKey: .gradedAt)
        try container.encode(ReportNumber.rounded(durationMilliseconds), forKey: .durationMilliseconds)
        try container.encode(submission, forKey: .submission)
        try container.encode(checks, forKey: .checks)
        try container.encode(programs, forKey: .programs)
        try container.encodeIfPresent(sockets, forKey: .sockets)
        try container.encode(notes, forKey: .notes)
        try container.encodeIfPresent(fingerprint, forKey: .fingerprint)
    }
}
