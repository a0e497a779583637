/// Class-wide figures over the students' scores.
///
/// With no students the averages are `nil` (written as JSON `null`) rather than a
/// made-up zero that would read as "everyone failed".
public struct SummaryStatistics: Codable, Sendable, Equatable {
    public var students: Int
    public var mean: Double?
    /// The middle score, or the mean of the two middle scores for an even count.
    public var median: Double?
    public var min: Double?
    public var max: Double?
    /// How many students earned the whole of a non-zero maximum.
    public var fullMarks: Int

    public init(reports: [StudentReport]) {
        let scores = reports.map { ReportNumber.rounded($0.score) }.sorted()
        self.students = scores.count
        self.fullMarks = reports.filter { report in
            report.maxScore > 0 && ReportNumber.rounded(report.score) >= ReportNumber.rounded(report.maxScore)
        }.count
        guard let lowest = scores.first, let highest = scores.last else {
            self.mean = nil
            self.median = nil
            self.min = nil
            self.max = nil
            return
        }
        let middle = scores.count / 2
        self.mean = ReportNumber.rounded(scores.reduce(0, +) / Double(scores.count))
        self.median = ReportNumber.rounded(
            scores.count.isMultiple(of: 2) ? (scores[middle - 1] + scores[middle]) / 2 : scores[middle])
        self.min = lowest
        self.max = highest
    }

    enum CodingKeys: String, CodingKey {
        case students, mean, median, min, max
        case fullMarks = "full_marks"
    }

    /// Writes `null` for absent figures so the key set never changes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(students, forKey: .students)
        try container.encode(mean, forKey: .mean)
        try container.encode(median, forKey: .median)
        try container.encode(min, forKey: .min)
        try container.encode(max, forKey: .max)
        try container.encode(fullMarks, forKey: .fullMarks)
    }
}
