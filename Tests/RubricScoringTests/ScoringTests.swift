import Reporting
import RubricScoring
import Testing

@Suite("Scoring against a rubric")
struct ScoringTests {
    static let rubric = Rubric(name: "Lab", checks: [
        RubricCheck(id: "server-listening", title: "Server listens", points: 0.4),
        RubricCheck(id: "client-established", title: "Client connects", points: 0.4),
        RubricCheck(id: "username-sent", title: "Username sent", points: 0.4),
    ])

    static func result(_ id: String, _ status: CheckStatus) -> CheckResult {
        CheckResult(id: id, status: status, message: "\(id) was \(status.rawValue)", evidence: ["id": .string(id)])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let results: [CheckResult]
        /// Expected status and points per rubric check, in rubric order.
        let expected: [(CheckStatus, Double)]
        let score: Double
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "all passed",
            results: [
                result("server-listening", .passed), result("client-established", .passed),
                result("username-sent", .passed),
            ],
            expected: [(.passed, 0.4), (.passed, 0.4), (.passed, 0.4)],
            score: 1.2),
        Case(
            name: "mixed, out of order",
            results: [
                result("username-sent", .failed), result("server-listening", .passed),
                result("client-established", .passed),
            ],
            expected: [(.passed, 0.4), (.passed, 0.4), (.failed, 0)],
            score: 0.8),
        Case(
            name: "error and skipped earn nothing",
            results: [
                result("server-listening", .error), result("client-established", .skipped),
                result("username-sent", .passed),
            ],
            expected: [(.error, 0), (.skipped, 0), (.passed, 0.4)],
            score: 0.4),
        Case(
            name: "missing result becomes skipped",
            results: [result("server-listening", .passed)],
            expected: [(.passed, 0.4), (.skipped, 0), (.skipped, 0)],
            score: 0.4),
        Case(
            name: "result for an id outside the rubric is dropped",
            results: [
                result("server-listening", .passed), result("extra-credit", .passed),
                result("client-established", .failed), result("username-sent", .failed),
            ],
            expected: [(.passed, 0.4), (.failed, 0), (.failed, 0)],
            score: 0.4),
        Case(
            name: "no results at all",
            results: [],
            expected: [(.skipped, 0), (.skipped, 0), (.skipped, 0)],
            score: 0),
    ]

    @Test("statuses, points and the total follow the rubric", arguments: cases)
    func scoring(_ testCase: Case) {
        let scored = score(testCase.results, with: Self.rubric)

        #expect(scored.checks.map(\.id) == Self.rubric.checks.map(\.id))
        #expect(scored.checks.map(\.status) == testCase.expected.map(\.0))
        #expect(scored.checks.map(\.points) == testCase.expected.map(\.1))
        #expect(scored.checks.map(\.maxPoints) == [0.4, 0.4, 0.4])
        #expect(scored.checks.map(\.title) == ["Server listens", "Client connects", "Username sent"])
        #expect(scored.score == testCase.score)
        #expect(scored.maxScore == 1.2)
    }

    @Test("the grader's message and evidence are kept; a missing result says why it was skipped")
    func messages() {
        let scored = score([Self.result("server-listening", .failed)], with: Self.rubric)

        #expect(scored.checks[0].message == "server-listening was failed")
        #expect(scored.checks[0].evidence == ["id": "server-listening"])
        #expect(scored.checks[1].message == "The grader produced no result for this check, so it earned no points.")
        #expect(scored.checks[1].evidence == [:])
    }

    @Test("a check the rubric gives 0 points is info, with the grader's verdict kept", arguments: CheckStatus.allCases)
    func unmarked(verdict: CheckStatus) {
        let rubric = Rubric(name: "Lab", checks: [RubricCheck(id: "attribution", title: "Credits", points: 0)])
        let scored = score([Self.result("attribution", verdict)], with: rubric)

        #expect(scored.checks[0].status == .info)
        #expect(scored.checks[0].verdict == verdict)
        #expect(scored.checks[0].evidence["id"] == "attribution")
        #expect(scored.checks[0].message == "attribution was \(verdict.rawValue)")
        #expect(scored.score == 0)
    }

    @Test("scoring scored results again changes nothing: the class-level pass rescores whole reports", arguments: CheckStatus.allCases)
    func rescored(verdict: CheckStatus) {
        let rubric = Rubric(name: "Lab", checks: [
            RubricCheck(id: "attribution", title: "Credits", points: 0),
            RubricCheck(id: "server-listening", title: "Server listens", points: 0.4),
        ])
        let once = score([Self.result("attribution", verdict), Self.result("server-listening", verdict)], with: rubric)
        let twice = score(once.checks, with: rubric)

        #expect(twice.checks == once.checks)
        #expect(twice.checks[0].verdict == verdict)
        #expect(twice.score == once.score)
    }

    @Test("when the grader reports an id twice, the first result counts")
    func duplicateResult() {
        let scored = score(
            [Self.result("server-listening", .failed), Self.result("server-listening", .passed)],
            with: Self.rubric)
        #expect(scored.checks[0].status == .failed)
        #expect(scored.score == 0)
    }

    @Test("sums of fractional points come out exact", arguments: [
        (Array(repeating: 0.1, count: 3), 0.3),
        (Array(repeating: 0.4, count: 5), 2.0),
        ([0.7, 0.1, 0.2], 1.0),
    ])
    func rounding(points: [Double], total: Double) {
        let checks = points.enumerated().map { index, value in
            RubricCheck(id: "check-\(index)", title: "Check \(index)", points: value)
        }
        let rubric = Rubric(name: "Tenths", checks: checks)
        let results = checks.map { CheckResult(id: $0.id, status: .passed, message: "ok") }

        let scored = score(results, with: rubric)

        #expect(scored.score == total)
        #expect(scored.maxScore == total)
        #expect(rubric.maxScore == total)
    }
}
