/// The outcome of one rubric check for one student, as it appears in the report.
///
/// Following swift-format's `Finding`, a failed check is a value here, never a thrown
/// error: the grader records what it saw in `message` and `evidence` and moves on.
/// The grader fills `id`, `status`, `message` and `evidence`; scoring fills `title`,
/// `points` and `maxPoints` from the rubric.
public struct CheckResult: Codable, Sendable, Equatable {
    /// The rubric check this result answers, such as `server-listening`.
    public var id: String
    /// The rubric's title for the check, so a report reads without the rubric beside it.
    public var title: String
    public var status: CheckStatus
    /// Points earned: the check's full points when passed, otherwise zero.
    public var points: Double
    public var maxPoints: Double
    /// One or two sentences a student can act on.
    public var message: String
    /// What the grader saw, always a JSON object (empty when there is nothing to show).
    public var evidence: JSONValue

    public init(
        id: String,
        title: String = "",
        status: CheckStatus,
        points: Double = 0,
        maxPoints: Double = 0,
        message: String,
        evidence: JSONValue = [:]
    ) {
        self.id = id
        self.title = title
        self.status = status
        self.points = points
        self.maxPoints = maxPoints
        self.message = message
        self.evidence = evidence
    }

    /// Explicit keys keep the report schema readable here rather than implied by a key strategy.
    enum CodingKeys: String, CodingKey {
        case id, title, status, points
        case maxPoints = "max_points"
        case message, evidence
    }

    /// Rounds the points on the way out; decoding is synthesised.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(ReportNumber.rounded(points), forKey: .points)
        try container.encode(ReportNumber.rounded(maxPoints), forKey: .maxPoints)
        try container.encode(message, forKey: .message)
        try container.encode(evidence, forKey: .evidence)
    }
}
