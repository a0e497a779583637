import Foundation
import Reporting

/// Gradescope's `results.json` for one student, as its autograder specification
/// describes it: a total `score`, `execution_time` in seconds, an `output` for the
/// whole submission, and one entry in `tests` per rubric check.
public struct GradescopeResults: Encodable, Sendable, Equatable {
    public struct Test: Encodable, Sendable, Equatable {
        public var name: String
        public var score: Double
        public var maxScore: Double
        /// `passed` or `failed`: Gradescope knows no other status, so error and skipped
        /// fail. Left out for `info`, which Gradescope then shows without a verdict.
        public var status: String?
        public var output: String
        public var visibility: String

        enum CodingKeys: String, CodingKey {
            case name, score
            case maxScore = "max_score"
            case status, output, visibility
        }
    }

    public var score: Double
    public var executionTime: Int
    public var output: String
    /// Gradescope shows run_autograder's stdout to instructors only unless told otherwise.
    public var stdoutVisibility: String
    /// How Gradescope renders `output`, each test's `output` and its `name`: `text`,
    /// shown as it is. Left out, Gradescope picks a format that renders markup, and
    /// names and messages quote what students chose and printed.
    public var outputFormat = "text"
    public var testOutputFormat = "text"
    public var testNameFormat = "text"
    public var tests: [Test]

    /// - Parameter visibility: `visible`, `hidden`, `after_due_date` or `after_published`.
    public init(report: StudentReport, visibility: String = "visible") {
        self.score = ReportNumber.rounded(report.score)
        self.executionTime = Int((report.durationMilliseconds / 1000).rounded(.up))
        self.output = Self.overview(report)
        self.stdoutVisibility = "hidden"
        self.tests = report.checks.map { check in
            Test(
                name: VisibleText.escape(check.title.isEmpty ? check.id : "\(check.title) (\(check.id))"),
                score: ReportNumber.rounded(check.points),
                maxScore: ReportNumber.rounded(check.maxPoints),
                status: Self.status(check.status),
                output: VisibleText.escape(EvidenceText.detail(check), keepingLineBreaks: true),
                visibility: visibility)
        }
    }

    /// The JSON file Gradescope reads from `/autograder/results/results.json`.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    private static func status(_ status: CheckStatus) -> String? {
        switch status {
        case .passed: "passed"
        case .failed, .error, .skipped: "failed"
        case .info: nil
        }
    }

    private static func overview(_ report: StudentReport) -> String {
        var lines = ["\(report.rubric): \(report.scoreText) for username '\(report.username)'."]
        let unpassed = report.unpassedChecks
        lines.append(unpassed.isEmpty
            ? "Every check passed."
            : "Not passed: " + unpassed.map { "\($0.id) (\($0.status.rawValue))" }.joined(separator: ", ") + ".")
        lines += report.notes
        // Text format shows markup as it is; control characters are still shown escaped.
        return VisibleText.escape(lines.joined(separator: "\n"), keepingLineBreaks: true)
    }

    enum CodingKeys: String, CodingKey {
        case score
        case executionTime = "execution_time"
        case output
        case stdoutVisibility = "stdout_visibility"
        case outputFormat = "output_format"
        case testOutputFormat = "test_output_format"
        case testNameFormat = "test_name_format"
        case tests
    }
}
