import Foundation
import Reporting
import RubricScoring
import SocketTable
import Testing
@testable import Grading

/// Processes a student leaves behind must not survive grading, a
/// double-forked setsid daemon that ignores SIGTERM included.
@Suite(.enabled(if: Repository.canGradeLive, "needs root and bubblewrap"), .serialized)
struct HostileTeardownTests {
    @Test func setsidDaemonIsGoneAfterGrading() throws {
        let marker = "sockgrade-daemon-\(UUID().uuidString.prefix(8))"
        let folder = try TemporaryFolder()
        try folder.write("mallory/server.py", """
            import os, signal, socket, sys, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    signal.signal(signal.SIGTERM, signal.SIG_IGN)
                    sys.argv[0] = "\(marker)"
                    while True:
                        time.sleep(3600)
                os._exit(0)
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", 59999))
            s.listen()
            while True:
                c, _ = s.accept()
                c.recv(100)
                c.close()
            """)
        try folder.write("mallory/client.py", """
            import socket
            s = socket.create_connection(("127.0.0.1", 59999))
            s.sendall(b"mallory")
            s.close()
            """)
        let rubric = try Rubric.load(from: Repository.rubric, knownCheckIDs: CheckID.all)
        let students = try SubmissionDiscovery.discover(paths: [folder.url.appendingPathComponent("mallory").path], username: nil)
        let output = try TemporaryFolder()
        let report = try #require(try BatchGrader(rubric: rubric, outputFolder: output.url).grade(students).first)

        #expect(report.checks.first { $0.id == CheckID.usernameSent }?.status == .passed)
        let table = ProcessTable()
        let survivors = table.processIDs().filter { pid in
            table.commandLine(of: pid).joined(separator: " ").contains("time.sleep(3600)")
                || table.commandLine(of: pid).contains { $0.contains(marker) }
        }
        #expect(survivors.isEmpty, "left running: \(survivors)")
    }

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

    @Test func privilegedPortFailsAsOnTheStudentsMachine() throws {
        let folder = try TemporaryFolder()
        try folder.write("oscar/server.py", """
            import socket
            s = socket.socket()
            s.bind(("127.0.0.1", 80))
            s.listen()
            s.accept()
            """)
        try folder.write("oscar/client.py", "print('unused')\n")
        let rubric = try Rubric.load(from: Repository.rubric, knownCheckIDs: CheckID.all)
        let students = try SubmissionDiscovery.discover(paths: [folder.url.appendingPathComponent("oscar").path], username: nil)
        let output = try TemporaryFolder()
        let report = try #require(try BatchGrader(rubric: rubric, outputFolder: output.url).grade(students).first)
        let listening = try #require(report.checks.first { $0.id == CheckID.serverListening })
        #expect(listening.status == .failed)
        #expect(listening.message.contains("Permission denied"))
    }
}
