import Foundation
import Reporting

/// Reports shaped like the grader's, with the evidence the views pick out.
enum Fixtures {
    static let dumpLine = "0000  61 6c 69 63 65 0a                                 alice."
    static let listenRow = "tcp        0      0 127.0.0.1:59123         0.0.0.0:*               LISTEN"
    static let establishedRow = "tcp        0      0 127.0.0.1:34222         127.0.0.1:59123         ESTABLISHED"

    static func check(_ id: String, _ status: CheckStatus, message: String? = nil, evidence: JSONValue = [:]) -> CheckResult {
        CheckResult(
            id: id, title: "Title of \(id)", status: status,
            points: status == .passed ? 0.4 : 0, maxPoints: 0.4,
            message: message ?? "\(id) \(status.rawValue)", evidence: evidence)
    }

    static func report(student: String = "alice", checks: [CheckResult]? = nil, truncated: Bool = false) -> StudentReport {
        let checks = checks ?? [
            check("server-listening", .passed, evidence: ["netstat": [.string(listenRow)]]),
            check("username-sent", .failed, message: "The client sent \"Hello World\"\ninstead of the username.",
                  evidence: ["bytes": [.string(dumpLine)]]),
            check("capture-file", .error),
            check("capture-username", .skipped),
        ]
        let score = checks.reduce(0) { $0 + $1.points }
        return StudentReport(
            student: student, username: "\(student)01", score: score, maxScore: 0.4 * Double(checks.count),
            rubric: "Socket programming lab", gradedAt: "2025-03-01T14:05:09Z", durationMilliseconds: 1500,
            submission: SubmissionSummary(folder: "submissions/\(student)", server: ProgramSource(file: "server.c", language: "c"), client: nil),
            checks: checks,
            programs: [
                ProgramRun(role: "server", command: ["./server"], exitStatus: nil, signal: 9, timedOut: false,
                           durationMilliseconds: 80, stdout: "Listening on 59123\n", stderr: "",
                           stdoutTruncated: truncated),
            ],
            sockets: SocketSnapshots(atListen: [listenRow], atEstablished: [listenRow, establishedRow]),
            notes: ["The username comes from the folder name."])
    }

    static func makeTemporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
