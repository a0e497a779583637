import Foundation
import Reporting
import RubricScoring
import Testing
@testable import CaptureAnalysis
@testable import Checks
@testable import ClassDiscovery
@testable import Grading
@testable import LiveRun
@testable import ProgramDiscovery

/// A submission missing a program is still graded for what it has.
@Suite(.enabled(if: Repository.canGradeLive, "needs root and bubblewrap"), .serialized)
struct IncompleteSubmissionTests {
    @Test func studentWithoutClientStillHasTheServerChecked() throws {
        let folder = try TemporaryFolder()
        try folder.write("nina/server.py", """
            import socket
            s = socket.socket()
            s.bind(("127.0.0.1", 59998))
            s.listen()
            s.accept()
            """)
        let rubric = try Rubric.load(from: Repository.rubric, knownCheckIDs: CheckID.all)
        let students = try SubmissionDiscovery.discover(paths: [folder.url.appendingPathComponent("nina").path], username: nil)
        let output = try TemporaryFolder()
        let report = try #require(try BatchGrader(rubric: rubric, outputFolder: output.url).grade(students).first)
        let checks = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.id, $0) })
        #expect(checks[CheckID.serverListening]?.status == .passed)
        #expect(checks[CheckID.clientEstablished]?.status == .error)
        #expect(checks[CheckID.clientEstablished]?.message.contains("No client program found") == true)
        #expect(checks[CheckID.captureFile]?.status == .failed)
    }
}
