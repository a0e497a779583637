import Foundation

/// The contents of `OUT/summary.json`: one line per student and the class statistics.
public struct ClassSummary: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    /// The rubric name the reports share (names joined with ", " if they disagree).
    public var rubric: String
    /// ISO 8601 UTC, like `StudentReport.gradedAt`.
    public var generatedAt: String
    /// Sorted by student so the file is stable between runs.
    public var students: [StudentSummary]
    public var statistics: SummaryStatistics
    /// "Possible shared work": pairs of students whose captures share what
    /// should be each one's own (issue 16). Empty when nothing was found.
    public var sharedWork: [SharedWorkPair] = []

    /// Summarises `reports`, keeping statuses only for the rubric's checks so a report
    /// left from an older rubric cannot add columns nobody asked for.
    public init(reports: [StudentReport], rubricCheckIDs: [String], generatedAt: Date) {
        let wanted = Set(rubricCheckIDs)
        self.schemaVersion = StudentReport.currentSchemaVersion
        self.rubric = Set(reports.map(\.rubric)).sorted().joined(separator: ", ")
        self.generatedAt = StudentReport.timestamp(generatedAt)
        self.students = ClassSummary.sorted(reports).map { report in
            var statuses: [String: CheckStatus] = [:]
            for check in report.checks where wanted.contains(check.id) && statuses[check.id] == nil {
                statuses[check.id] = check.status
            }
            return StudentSummary(
                student: report.student, username: report.username,
                score: report.score, maxScore: report.maxScore, statuses: statuses)
        }
        self.statistics = SummaryStatistics(reports: reports)
    }

    /// The order both summary files list students in.
    static func sorted(_ reports: [StudentReport]) -> [StudentReport] {
        reports.sorted { ($0.student, $0.username) < ($1.student, $1.username) }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case rubric
        case generatedAt = "generated_at"
        case students, statistics
        case sharedWork = "shared_work"
    }
}

/// One student's line in `summary.json`.
public struct StudentSummary: Codable, Sendable, Equatable {
    public var student: String
    public var username: String
    public var score: Double
    public var maxScore: Double
    /// Check id to status, for the rubric's checks the report holds.
    public var statuses: [String: CheckStatus]

    public init(student: String, username: String, score: Double, maxScore: Double, statuses: [String: CheckStatus]) {
        self.student = student
        self.username = username
        self.score = score
        self.maxScore = maxScore
        self.statuses = statuses
    }

    enum CodingKeys: String, CodingKey {
        case student, username, score
        case maxScore = "max_score"
        case statuses
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(student, forKey: .student)
        try container.encode(username, forKey: .username)
        try container.encode(ReportNumber.rounded(score), forKey: .score)
        try container.encode(ReportNumber.rounded(maxScore), forKey: .maxScore)
        try container.encode(statuses, forKey: .statuses)
    }
}
