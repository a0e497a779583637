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

/// Grades the intake samples for real (namespaces, sandbox, every toolchain,
/// OCR) and checks every check of every student.
@Suite(.enabled(if: Repository.canGradeLive, "needs root and bubblewrap"), .serialized)
struct IntakeGradingTests {
    typealias Verdicts = [String: CheckStatus]

    /// Live run (listening, established, sent) all passed or the given statuses;
    /// no student here handed in a capture.
    static func verdicts(
        live: (CheckStatus, CheckStatus, CheckStatus) = (.passed, .passed, .passed),
        screenshots: (CheckStatus, CheckStatus, CheckStatus) = (.failed, .failed, .failed),
        attribution: CheckStatus, port: CheckStatus = .passed,
        shots: CheckStatus = .skipped, originality: CheckStatus = .skipped
    ) -> Verdicts {
        // Provenance: no capture to judge; `shots` is screenshot-consistency (rows
        // read, compared with the run); capture-originality compares those rows
        // with the classmates'; no two students' sources pass copydetect's bar.
        [
            CheckID.serverListening: live.0, CheckID.clientEstablished: live.1, CheckID.usernameSent: live.2,
            CheckID.captureFile: .failed, CheckID.captureUsername: .skipped,
            CheckID.screenshots: screenshots.0, CheckID.screenshotListen: screenshots.1, CheckID.screenshotEstablished: screenshots.2,
            CheckID.attribution: attribution, CheckID.portChoice: port,
            CheckID.captureConsistency: .skipped, CheckID.captureOriginality: originality,
            CheckID.screenshotConsistency: shots, CheckID.codeSimilarity: .passed,
        ]
    }

    static let noServer = (CheckStatus.error, CheckStatus.skipped, CheckStatus.skipped)

    /// Tests/Fixtures/intake/languages: one student per language and naming style.
    static let languages: [String: Verdicts] = [
        "gina": verdicts(attribution: .passed),                  // Go, server/main.go + greet.go, client/main.go
        "rudy": verdicts(attribution: .passed),                  // Rust, server.rs / client.rs
        "sam": verdicts(attribution: .failed),                   // Swift (needs /opt/swift in the sandbox)
        "shelly": verdicts(screenshots: (.passed, .passed, .passed), attribution: .passed, shots: .passed, originality: .passed),  // Serv.py + bash client.sh
        "jack": verdicts(attribution: .passed),                  // Java in src/edu/lab, with a helper class
        "cody": verdicts(attribution: .passed),                  // C: tcp_server.c, tcp_client.c, both linked with common.c
        "nora": verdicts(attribution: .failed),                  // Node echo-server.js / echo-client.js; a cut PNG
        // port 12000, screenshots of 59123: screenshot-consistency says so
        "paul": verdicts(screenshots: (.passed, .failed, .failed), attribution: .failed, port: .failed, shots: .failed, originality: .passed),
        "mona": verdicts(attribution: .failed),                  // sockgrade.yaml: sources, args, run, folder
        "amy": verdicts(live: noServer, attribution: .passed, port: .skipped),   // two servers: ambiguous
        "uma": verdicts(live: noServer, attribution: .passed, port: .skipped),   // a.py / b.py: names say nothing
        "bert": verdicts(live: noServer, attribution: .failed, port: .skipped),  // bad sockgrade.yaml
    ]

    func grade(_ paths: [String], roster: String? = nil) throws -> [String: StudentReport] {
        let output = try TemporaryFolder()
        let rubric = try Rubric.load(from: Repository.rubric, knownCheckIDs: CheckID.all)
        let students = try SubmissionDiscovery.discoverClass(
            paths: paths, username: nil, roster: roster, workFolder: output.url.appendingPathComponent("unpacked")).students
        let reports = try BatchGrader(rubric: rubric, outputFolder: output.url).grade(students)
        return Dictionary(uniqueKeysWithValues: reports.map { ($0.student, $0) })
    }

    func expect(_ reports: [String: StudentReport], _ expected: [String: Verdicts]) throws {
        #expect(Set(reports.keys) == Set(expected.keys))
        for (name, report) in reports {
            let wanted = try #require(expected[name])
            #expect(report.checks.count == wanted.count)
            for check in report.checks {
                #expect(check.verdict == wanted[check.id], "\(name) \(check.id): \(check.message)")
            }
            #expect(!report.notes.contains { $0.contains("outlived the sandbox") }, "\(name): \(report.notes)")
        }
    }

    @Test func everyLanguageAndNamingStyle() throws {
        let reports = try grade([Repository.intake.appendingPathComponent("languages").path])
        try expect(reports, Self.languages)
        let languages = reports.mapValues { $0.submission.server?.language }
        #expect(languages["gina"] == "go")
        #expect(languages["rudy"] == "rust")
        #expect(languages["sam"] == "swift")
        #expect(reports["shelly"]?.submission.client?.language == "shell")
        #expect(reports["jack"]?.submission.server?.file == "src/edu/lab/TCPServer.java")
        #expect(reports["cody"]?.programs.first { $0.role == "server-build" }?.command.contains("/home/student/common.c") == true)
        #expect(reports["mona"]?.programs.first { $0.role == "server" }?.command.last == "59670")
        #expect(reports["paul"]?.checks.first { $0.id == CheckID.portChoice }?.evidence["port"] == 12000)

        let message = { (name: String) in reports[name]?.checks.first { $0.id == CheckID.serverListening }?.message ?? "" }
        #expect(message("amy").contains("More than one server program"))
        #expect(message("amy").contains("sockgrade.yaml"))
        #expect(message("uma").contains("found only a.py, b.py"))
        #expect(message("bert").contains("sockgrade.yaml line 3: 'server.args': must be a list"))
    }

    @Test func canvasDownloadWithRoster() throws {
        let archives = Repository.intake.appendingPathComponent("archives")
        let reports = try grade(
            [archives.appendingPathComponent("canvas-download.zip").path],
            roster: archives.appendingPathComponent("canvas-roster.csv").path)
        let missing = Dictionary(uniqueKeysWithValues: CheckID.all.map { ($0, CheckStatus.failed) })
        try expect(reports, [
            // Named after the roster login (issue 17), as the missing rroe is.
            "jdoe": Self.verdicts(attribution: .failed),
            "jsmith": Self.verdicts(attribution: .failed),
            "rroe": missing,
        ])
        #expect(reports["jdoe"]?.username == "jdoe")
        #expect(reports["jsmith"]?.username == "jsmith")
        // Canvas's folder name stays in the report.
        #expect(reports["jdoe"]?.submission.folder.hasSuffix("/doejohn") == true)
        let roe = try #require(reports["rroe"])
        #expect(roe.score == 0)
        #expect(roe.checks.allSatisfy { $0.message.contains("No submission was found for Roe, Richard (rroe)") })
        // What the class pass (and `sockgrade merge`) reads as "nothing handed in".
        #expect(!roe.submission.isHandedIn)
        #expect(reports["jdoe"]?.submission.isHandedIn == true)
    }

    @Test func moodleDownloadAndPerStudentArchives() throws {
        let archives = Repository.intake.appendingPathComponent("archives")
        let reports = try grade(
            [archives.appendingPathComponent("moodle-download.zip").path, archives.appendingPathComponent("per-student").path],
            roster: archives.appendingPathComponent("moodle-roster.csv").path)
        try expect(reports, [
            "alee": Self.verdicts(live: (.passed, .passed, .failed), attribution: .failed),  // sends "Hello World"
            "bchen": Self.verdicts(attribution: .failed),
            "kim": Self.verdicts(attribution: .failed),
            "lou": Self.verdicts(attribution: .failed),
        ])
        #expect(reports["bchen"]?.username == "bchen")
        #expect(reports["bchen"]?.submission.folder.hasSuffix("/Bo_Chen") == true)
        #expect(reports["alee"]?.notes.contains { $0.hasPrefix("Unpacked from moodle-download.zip") } == true)
    }
}
