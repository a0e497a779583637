/// One line of the mark breakdown: what the grader checks and what it is worth.
public struct RubricCheck: Sendable, Equatable {
    /// Matches the `id` of the grader's `CheckResult`.
    public var id: String
    public var title: String
    public var points: Double
    /// What passing means, in the hand-out's words; shown to students beside the result.
    public var description: String

    public init(id: String, title: String, points: Double, description: String = "") {
        self.id = id
        self.title = title
        self.points = points
        self.description = description
    }
}
