import Foundation
import Reporting
import Testing

@Suite("summary.csv and summary.json")
struct SummaryTests {
    static let checkIDs = ["server-listening", "username-sent"]

    static let reports = [
        ReportFixtures.report(
            student: "zed", username: "zed9", score: 0.4 + 0.4,
            checks: [
                ReportFixtures.check("server-listening", .passed, points: 0.4, of: 0.4),
                ReportFixtures.check("username-sent", .passed, points: 0.4, of: 0.4),
            ]),
        ReportFixtures.report(
            student: "O'Neil, \"Sam\"", username: "sam", score: 0.4,
            checks: [
                ReportFixtures.check("server-listening", .passed, points: 0.4, of: 0.4),
                ReportFixtures.check("username-sent", .failed, points: 0, of: 0.4),
            ]),
        ReportFixtures.report(
            student: "amy", username: "amy1", score: 0,
            checks: [
                ReportFixtures.check("server-listening", .error, points: 0, of: 0.4),
                ReportFixtures.check("not-in-rubric", .passed, points: 1, of: 1),
            ]),
    ].map { report -> StudentReport in
        var report = report
        report.maxScore = 0.8
        return report
    }

    static let generatedAt = Date(timeIntervalSince1970: 1_740_000_000)

    @Test("summary.csv quotes names with commas and quotes and lists unpassed checks")
    func csv() throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        try ReportWriter.writeSummary(
            Self.reports, rubricCheckIDs: Self.checkIDs, to: folder, generatedAt: Self.generatedAt)

        let csv = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csv == """
            student,username,score,max_score,server-listening,username-sent,failed_checks
            "O'Neil, ""Sam\""",sam,0.4,0.8,0.4,0,username-sent
            amy,amy1,0,0.8,0,,server-listening
            zed,zed9,0.8,0.8,0.4,0.4,

            """)
        #expect(try ReportFixtures.contents(of: folder) == ["summary.csv", "summary.json"])
    }

    @Test("summary.json lists statuses for the rubric's checks and the class statistics")
    func json() throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        try ReportWriter.writeSummary(
            Self.reports, rubricCheckIDs: Self.checkIDs, to: folder, generatedAt: Self.generatedAt)

        let data = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        let summary = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(summary["schema_version"] == 1)
        #expect(summary["rubric"] == "Socket programming lab")
        #expect(summary["generated_at"] == "2025-02-19T21:20:00Z")
        #expect(summary["statistics"] == [
            "students": 3, "mean": 0.4, "median": 0.4, "min": 0, "max": 0.8, "full_marks": 1,
        ])
        #expect(summary["students"]?[0] == [
            "student": "O'Neil, \"Sam\"", "username": "sam", "score": 0.4, "max_score": 0.8,
            "statuses": ["server-listening": "passed", "username-sent": "failed"],
        ])
        #expect(summary["students"]?[1]?["statuses"] == ["server-listening": "error"])
        #expect(summary["students"]?[2]?["student"] == "zed")
    }

    @Test("statistics: even count takes the middle pair's mean; no students gives nulls")
    func statistics() throws {
        let four = [0.4, 2.0, 1.2, 0.8].map { ReportFixtures.report(score: $0) }
        let stats = SummaryStatistics(reports: four)
        #expect(stats == SummaryStatistics(reports: four))
        #expect(stats.students == 4)
        #expect(stats.median == 1.0)
        #expect(stats.mean == 1.1)
        #expect(stats.min == 0.4)
        #expect(stats.max == 2.0)
        #expect(stats.fullMarks == 1)

        let empty = try JSONDecoder().decode(
            JSONValue.self, from: try JSONEncoder().encode(SummaryStatistics(reports: [])))
        #expect(empty == ["students": 0, "mean": nil, "median": nil, "min": nil, "max": nil, "full_marks": 0])
    }
}
