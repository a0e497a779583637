import Foundation
import Reporting

/// Reports and folders shared by the Reporting tests.
enum ReportFixtures {
    static func check(_ id: String, _ status: CheckStatus, points: Double, of maxPoints: Double) -> CheckResult {
        CheckResult(
            id: id, title: "Title of \(id)", status: status, points: points, maxPoints: maxPoints,
            message: "\(id) \(status.rawValue)")
    }

    static func report(
        student: String = "alice",
        username: String = "alice01",
        score: Double = 0.4 + 0.4 + 0.4,
        checks: [CheckResult] = [],
        programs: [ProgramRun] = []
    ) -> StudentReport {
        StudentReport(
            student: student,
            username: username,
            score: score,
            maxScore: 2.0,
            rubric: "Socket programming lab",
            gradedAt: "2025-03-01T14:05:09Z",
            durationMilliseconds: 1234.5,
            submission: SubmissionSummary(
                folder: "submissions/\(student)",
                server: ProgramSource(file: "server.c", language: "c"),
                client: nil),
            checks: checks,
            programs: programs)
    }

    /// A fresh empty folder under the system's temporary directory.
    static func makeTemporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sockgrade-reporting-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}
